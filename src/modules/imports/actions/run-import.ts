import { eq } from 'drizzle-orm';
import { type ActionContext, type AuditEntry, audit, auditMany, isAdmin } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { yieldToLoop } from '../../../lib/yield-to-loop.js';
import { everyCategory } from '../../categories/index.js';
import { numbersTaken, recordHistoricDemands } from '../../demands/index.js';
import { regionTree, unitNames } from '../../regions/index.js';
import { type ParsedRow, readRow } from '../rules/rows.js';
import { importSources } from '../tables.js';

export type ImportReport = {
  rows: number;
  valid: number;
  imported: number;
  /** Already imported by an earlier run of this source: a run that stopped half-way is run again. */
  skipped: number;
  errors: { row: number; message: string }[];
  unmatched: { regions: Record<string, number>; categories: Record<string, number>; units: Record<string, number> };
};

type Kind = 'regions' | 'categories' | 'units';
const label: Record<Kind, string> = { regions: '区域', categories: '分类', units: '承办单位' };

async function nameIndex(a: ActionContext) {
  const [r, c, u] = await Promise.all([regionTree(a.tx), everyCategory(a.tx), unitNames(a.tx)]);
  const map = <T extends { id: number }>(rows: T[], keys: (x: T) => string[]) => {
    const m = new Map<string, number>();
    for (const x of rows) for (const k of keys(x)) if (!m.has(k)) m.set(k, x.id);
    return m;
  };
  return {
    regions: map(r, (x) => [x.name]),
    categories: map(c, (x) => [x.fullName, x.name]),
    units: map(u, (x) => [x.name]),
    regionPath: new Map(r.map((x) => [x.id, x.path])),
  };
}

/**
 * 历史导入: an earlier system's demands, with their own numbers and times, all or nothing. A dry
 * run reports what would happen (row errors, names that match nothing) and writes nothing. Rows a
 * previous run of this source already brought in are skipped, so a run can be repeated.
 */
export async function runImport(
  a: ActionContext,
  input: {
    sourceId: number;
    rows: Record<string, string>[];
    dryRun: boolean;
    /** Told as the rows are checked and then written, for the console's progress bar. */
    progress?: (phase: 'checking' | 'writing', fraction: number) => void;
  },
) {
  const [source] = await a.tx.select().from(importSources).where(eq(importSources.id, input.sourceId));
  if (!source) throw new AppError('not_found');
  if (!isAdmin(a.actor)) throw new AppError('auth.forbidden');
  const names = await nameIndex(a);
  input.progress?.('checking', 0);
  const report: ImportReport = {
    rows: input.rows.length,
    valid: 0,
    imported: 0,
    skipped: 0,
    errors: [],
    unmatched: { regions: {}, categories: {}, units: {} },
  };
  const resolve = (kind: Kind, name: string | null, problems: string[]) => {
    if (!name) return null;
    const id = source.nameMaps[kind]?.[name] ?? names[kind].get(name);
    if (id === undefined) {
      report.unmatched[kind][name] = (report.unmatched[kind][name] ?? 0) + 1;
      problems.push(`${label[kind]}“${name}”未匹配`);
      return null;
    }
    return id;
  };
  const seen = new Set<string>();
  const ready: (ParsedRow & { regionId: number; categoryId: number | null; unitId: number | null; rowNo: number })[] = [];
  for (const [i, raw] of input.rows.entries()) {
    if (i % 2_000 === 0) {
      input.progress?.('checking', i / input.rows.length);
      await yieldToLoop();
    }
    const rowNo = i + 2; // the header is row 1
    const read = readRow(raw, source.columns);
    const problems = 'problems' in read ? [...read.problems] : [];
    if ('row' in read) {
      const r = read.row;
      if (seen.has(r.number)) problems.push(`编号 ${r.number} 在文件中重复`);
      seen.add(r.number);
      const regionId = r.region ? resolve('regions', r.region, problems) : source.defaults.regionId;
      const categoryId = resolve('categories', r.category, problems);
      const unitId = r.unit ? resolve('units', r.unit, problems) : r.replyText ? (source.defaults.unitId ?? null) : null;
      if (!problems.length) ready.push({ ...r, regionId: regionId!, categoryId, unitId, rowNo });
    }
    if (problems.length) report.errors.push({ row: rowNo, message: problems.join('；') });
  }
  report.valid = ready.length;
  // Numbers already here: ours from an earlier run are skipped; anyone else's is a clash.
  const taken = await numbersTaken(
    a.tx,
    ready.map((r) => r.number),
  );
  const fresh = ready.filter((r) => {
    if (!taken.has(r.number)) return true;
    if (taken.get(r.number) === r.number) report.skipped++;
    else report.errors.push({ row: r.rowNo, message: `编号 ${r.number} 已被平台内其他诉求使用` });
    return false;
  });
  report.errors.sort((x, y) => x.row - y.row);
  if (input.dryRun || report.errors.length) {
    a.unchanged();
    return report;
  }
  const trail: AuditEntry[] = [];
  for (let i = 0; i < fresh.length; i += 500) {
    input.progress?.('writing', i / fresh.length);
    await yieldToLoop();
    const chunk = fresh.slice(i, i + 500);
    const inserted = await recordHistoricDemands(
      a.tx,
      chunk.map((r) => ({ ...r, type: source.defaults.type ?? 'complaint', provenance: { importSource: source.name, row: r.rowNo } })),
    );
    const rowOf = new Map(chunk.map((r) => [r.number, r.rowNo]));
    for (const d of inserted) {
      trail.push({
        resource: 'demand',
        resourceId: d.id,
        action: 'import',
        regionPath: names.regionPath.get(d.regionId) ?? null,
        data: { source: source.name, row: rowOf.get(d.number), number: d.number, state: d.state },
      });
    }
    report.imported += inserted.length;
  }
  await auditMany(a, trail);
  await audit(a, {
    resource: 'import_source',
    resourceId: source.id,
    action: 'run',
    data: { rows: report.rows, imported: report.imported, skipped: report.skipped },
  });
  return report;
}
