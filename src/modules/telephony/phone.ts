/** The same form as a demand's reporter phone (digits, a leading + kept), so the caller's history finds it. */
export function callerPhone(raw: string): string {
  const trimmed = raw.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/\D/g, '');
}
