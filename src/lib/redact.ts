/**
 * The one redaction for text that leaves through a public endpoint: mobile and landline numbers, identity
 * and bank card numbers, e-mail addresses, flat numbers and the reporter's own name are masked, whatever
 * field they were typed into and however they were written (full-width digits, dots, spaces, brackets,
 * +86). Applied on the way out (see `redactTree` and the public gate), so stored text stays as given.
 */

// Full-width digits and punctuation read as their ASCII twins. Each is one UTF-16 unit, like its twin, so a
// match found in the folded text sits at the same place in the original.
const fold = (text: string) =>
  text.replace(/[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code >= 0x2010 && code <= 0x2015) return '-';
    if (code === 0x2212) return '-';
    return String.fromCharCode(code - 0xfee0);
  });

/** One separator people put between groups of digits. */
const S = '[ .\\-]?';
const digits = (m: string) => m.replace(/[^\dXx]/g, '');

type Rule = [RegExp, (m: string, ...groups: string[]) => string];

const rules: Rule[] = [
  // E-mail: the first letter of the mailbox and its domain stay.
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, (m) => `${m[0]}***@${m.split('@')[1]}`],
  // Mobile numbers, with +86 / 86 / 0086 or not, in groups 3-4-4, the first in brackets or not.
  [
    new RegExp(`(?<![\\dA-Za-z])(?:(?:\\+|00)?86${S})?(?:\\((1[3-9]\\d)\\)|(1[3-9]\\d))${S}\\d{4}${S}(\\d{4})(?![\\dA-Za-z])`, 'g'),
    // A bracket is part of the number only when it closes around the prefix: "（13812345678 反映）" keeps its own.
    (_m, bracketed, bare, b) => `${bracketed ?? bare}****${b}`,
  ],
  // 18-digit identity numbers (a check character X at the end), grouped 6-8-4 or not.
  [new RegExp(`(?<![\\dA-Za-z])(\\d{6})${S}\\d{8}${S}(\\d{3}[\\dXx])(?![\\dA-Za-z])`, 'g'), (_m, a, b) => `${a}********${b}`],
  // Bank cards: 16–19 digits, grouped by fours or not.
  [
    new RegExp(`(?<![\\dA-Za-z])(?:\\d{4}(?:${S}\\d{4}){3}(?:${S}\\d{1,3})?|\\d{16,19})(?![\\dA-Za-z])`, 'g'),
    (m) => {
      const d = digits(m);
      return `${d.slice(0, 4)} **** **** ${d.slice(-4)}`;
    },
  ],
  // 15-digit identity numbers of the first generation.
  [new RegExp(`(?<![\\dA-Za-z])(\\d{6})${S}\\d{6}${S}(\\d{3})(?![\\dA-Za-z])`, 'g'), (_m, a, b) => `${a}******${b}`],
  // Landlines with an area code: 023-4678 1234, (023)46781234, 02346781234.
  [
    new RegExp(`(?<![\\dA-Za-z])(\\(?0\\d{2,3}\\)?)${S}\\d{3,4}${S}(\\d{4})(?![\\dA-Za-z])`, 'g'),
    (_m, a, b) => `${a}${a.endsWith(')') ? '' : '-'}****${b}`,
  ],
  // Local landlines: eight digits, 4678-1234 or 46781234 (never inside a decimal or a longer number).
  [new RegExp(`(?<![\\dA-Za-z.\\-])[2-9]\\d{3}${S}(\\d{4})(?![\\dA-Za-z]|[.\\-/]\\d)`, 'g'), (_m, b) => `****${b}`],
  // A flat: building, unit and room (7栋2单元301室, 3号楼1单元502, 12幢3-201) — the room goes. A road number
  // (滨河路12号) and a building alone stay: they say where the street light is, not who lives there.
  [/(\d{1,3}\s*(?:栋|幢|号楼|座|楼)\s*\d{1,2}\s*(?:单元|-)\s*)(\d{3,4})(?!\d)/g, (_m, a, room) => `${a}${'*'.repeat(room.length)}`],
  // A room alone: 301室, 1201 号房.
  [/(?<![\d*])(\d{3,4})(\s*(?:室|号房))/g, (_m, room, tail) => `${'*'.repeat(room.length)}${tail}`],
];

export function redact(text: string, opts: { names?: (string | null | undefined)[] } = {}): string {
  let out = text;
  for (const [re, mask] of rules) {
    // Matched in the folded text, replaced in the original: the result keeps the writer's characters elsewhere.
    const folded = fold(out);
    let next = '';
    let from = 0;
    for (const m of folded.matchAll(re)) {
      const at = m.index ?? 0;
      next += out.slice(from, at) + mask(m[0], ...(m.slice(1) as string[]));
      from = at + m[0].length;
    }
    out = from === 0 ? out : next + out.slice(from);
  }
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
