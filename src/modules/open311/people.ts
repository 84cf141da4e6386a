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
 * Where the private part of an address starts: a number with a house, building, unit, flat or door word in
 * Arabic, full-width, circled, bold or Chinese numerals (12号, 十二号, 三栋, 五零一室, 二楼), a lettered block
 * (A座1203) or a dashed house or flat number (12-3, 3-2-501; a date such as 2026-12-07 is not one). A Chinese
 * numeral before 门 or 户 is a place (三门峡, 五户村), not a door. A number is tried from its first digit only, so
 * a long run of digits is read once.
 */
const privatePart =
  /(?:第?(?<![\d０-９①-⑳\u{1D7CE}-\u{1D7FF}零〇○一二三四五六七八九十百两幺])(?:[\d０-９①-⑳\u{1D7CE}-\u{1D7FF}]+\s*(?:号|栋|幢|单元|室|楼|层|弄|户|门|座)|[\d０-９①-⑳\u{1D7CE}-\u{1D7FF}零〇○一二三四五六七八九十百两幺]+\s*(?:号|栋|幢|单元|室|楼|层|弄|座))|(?<![A-Za-z])[A-Za-z]\s*座|(?<![\d-])(?!(?:19|20)\d\d-)\d{1,4}\s*-\s*\d{1,4}(?![\d.:]))[\s\S]*$/u;

/**
 * An address as the public may read it: the street, without the house, flat or door number (a door is a
 * home), so "滨河路12号3栋" and "滨河路十二号三栋二单元五零一室 A座1203" read "滨河路" and "1234 5th street"
 * reads "5th street".
 */
export function publicAddress(address: string): string {
  return address
    .replace(privatePart, '')
    .replace(/^\s*[\d０-９]+[A-Za-z-]*\s+/, '')
    .trim();
}
