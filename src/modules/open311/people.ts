const han = /[\u3400-\u9fff]/;

/**
 * One name from the spec's first_name and last_name, in the order its writer would say it: a Chinese
 * name family name first and unspaced (王 + 小明 → 王小明), any other given name first (john smith).
 */
export function personName(first?: string, last?: string): string | null {
  if (!first && !last) return null;
  if (first && last && han.test(first + last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ');
}

/**
 * An address as the public may read it: without the house, flat or door number (a door is a home), so
 * "滨河路12号3栋" reads "滨河路" and "1234 5th street" reads "5th street".
 */
export function publicAddress(address: string): string {
  return address
    .replace(/\d+\s*(号|栋|幢|单元|室|楼|弄|户|门)[\s\S]*$/u, '')
    .replace(/^\s*\d+[A-Za-z-]*\s+/, '')
    .trim();
}
