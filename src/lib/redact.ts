/**
 * The one redaction for text that leaves through a public endpoint: mobile and landline numbers,
 * 18-digit identity numbers, bank card numbers and the reporter's own name are masked, whatever
 * field they were typed into. Applied on the way out, so stored text stays as the resident gave it.
 */
const patterns: [RegExp, (m: string, ...g: string[]) => string][] = [
  // Identity numbers first: 17 digits and a check character.
  [/(?<![\dA-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![\dA-Za-z])/g, (_m, a, b) => `${a}********${b}`],
  // Bank cards: 16–19 digits, possibly grouped by spaces or dashes.
  [
    /(?<!\d)\d{4}(?:[ -]?\d){12,15}(?!\d)/g,
    (m) => {
      const d = m.replace(/[ -]/g, '');
      return `${d.slice(0, 4)} **** **** ${d.slice(-4)}`;
    },
  ],
  // Mobile numbers, also written +86 or with spaces/dashes.
  [/(?<!\d)((?:\+?86[ -]?)?1[3-9]\d)[ -]?\d{4}[ -]?(\d{4})(?!\d)/g, (_m, a, b) => `${a}****${b}`],
  // Landlines with an area code: 023-12345678, (023)12345678, 02312345678.
  [/(?<!\d)(\(?0\d{2,3}\)?[ -]?)\d{3,4}(\d{4})(?!\d)/g, (_m, a, b) => `${a}****${b}`],
];

export function redact(text: string, opts: { names?: (string | null | undefined)[] } = {}): string {
  let out = text;
  for (const [re, mask] of patterns) out = out.replace(re, mask as (m: string) => string);
  for (const name of opts.names ?? []) {
    const n = name?.trim();
    if (n && n.length >= 2) out = out.split(n).join(`${n[0]}${'*'.repeat(n.length - 1)}`);
  }
  return out;
}

/** A name shown publicly: the family name and a mask ("王**"). */
export const maskName = (name: string | null) =>
  name?.trim() ? `${name.trim()[0]}${'*'.repeat(Math.max(1, name.trim().length - 1))}` : null;

/** A phone number where its holder is not to be read in full (views, logs): "138****5678", landlines "****5678". */
export function maskPhone(phone: string): string;
export function maskPhone(phone: string | null): string | null;
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 4) return '*'.repeat(phone.length);
  const keepEnd = 4;
  const keepStart = phone.length >= 11 ? 3 : 0;
  return phone.slice(0, keepStart) + '*'.repeat(phone.length - keepStart - keepEnd) + phone.slice(-keepEnd);
}
