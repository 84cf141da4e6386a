import type { PlaceKind } from './tables.js';

/** The kinds as a spreadsheet names them (Chinese first; the stored keys accepted too). */
export const kindWords: Record<string, PlaceKind> = {
  道路: 'road',
  路: 'road',
  街巷: 'road',
  小区: 'compound',
  院落: 'compound',
  地标: 'landmark',
  road: 'road',
  compound: 'compound',
  landmark: 'landmark',
};

export type PlaceRow = { name: string; kind: PlaceKind; regionId: number };
type RegionRef = { id: number; name: string; code: string; level: string };

/**
 * Rows of a named-place sheet (columns 名称, 类型, 社区 — the community's name or code), each checked:
 * the good rows, and for each bad one a Chinese sentence with its row number as the spreadsheet shows it.
 */
export function readPlaceRows(rows: Record<string, string>[], regions: RegionRef[]): { places: PlaceRow[]; problems: string[] } {
  const places: PlaceRow[] = [];
  const problems: string[] = [];
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const byName = new Map<string, RegionRef[]>();
  for (const r of regions) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
  if (rows.length > 0 && !('名称' in rows[0] && '社区' in rows[0])) {
    return { places, problems: ['表头须包含“名称”“类型”“社区”三列（社区可填名称或编码）。'] };
  }
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const at = `第 ${i + 2} 行`;
    const name = (row.名称 ?? '').normalize('NFKC').trim();
    const kind = kindWords[(row.类型 ?? '').trim() || '地标'];
    const said = (row.社区 ?? '').trim();
    const matches = byCode.has(said) ? [byCode.get(said)!] : (byName.get(said) ?? []);
    if (name.length < 2 || name.length > 50) {
      problems.push(`${at}：名称须为 2 至 50 个字。`);
      continue;
    }
    if (!kind) {
      problems.push(`${at}：类型“${row.类型}”无法识别，请填 道路、小区 或 地标。`);
      continue;
    }
    if (matches.length === 0) {
      problems.push(`${at}：社区“${said}”不存在。`);
      continue;
    }
    if (matches.length > 1) {
      problems.push(`${at}：有多个区域名为“${said}”，请改填区域编码。`);
      continue;
    }
    if (!['community', 'grid'].includes(matches[0].level)) {
      problems.push(`${at}：“${said}”不是社区（村）或网格。`);
      continue;
    }
    const key = `${name}/${matches[0].id}`;
    if (seen.has(key)) {
      problems.push(`${at}：“${name}”在本表中重复。`);
      continue;
    }
    seen.add(key);
    places.push({ name, kind, regionId: matches[0].id });
  }
  if (rows.length === 0) problems.push('表中没有数据行。');
  return { places, problems };
}
