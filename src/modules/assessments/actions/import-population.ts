import type { ActionContext } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { unitsByNames } from '../../regions/index.js';
import { countBy } from '../rules/count-by.js';
import { guardStep } from '../store.js';
import { addSubjects, type SubjectInput } from './add-subjects.js';

export type ImportPopulationInput = {
  assessmentId: number;
  /** The file's rows keyed by its header (read by the route, off the transaction: see readTable). */
  rows: Record<string, string>[];
  /** Which columns hold the record's reference, its stratum, a display name and the answerable unit (by name). */
  columns: { ref: string; stratum?: string; name?: string; unit?: string };
  dryRun?: boolean;
};

/**
 * A population of records from a spreadsheet (a window's certification files). Every row is
 * checked first; one bad row refuses the file with the row numbers, so nothing half-imports.
 * A dry run answers the same report and writes nothing.
 */
export async function importPopulation(a: ActionContext, input: ImportPopulationInput) {
  await guardStep(a.tx, a.actor, input.assessmentId, 'setup');
  const rows = input.rows;
  const header = rows.length ? Object.keys(rows[0]) : [];
  const wanted = Object.values(input.columns).filter((c): c is string => Boolean(c));
  const absent = wanted.filter((c) => !header.includes(c));
  if (absent.length) {
    throw new AppError('request.invalid', {
      zh: `文件中没有这些列：${absent.join('、')}（文件的列：${header.join('、')}）`,
      en: `Missing columns: ${absent.join(', ')} (the file has: ${header.join(', ')})`,
      details: { missing: absent, header },
    });
  }
  const unitNames = input.columns.unit ? [...new Set(rows.map((r) => r[input.columns.unit!]).filter(Boolean))] : [];
  const unitByName = new Map(unitNames.length ? (await unitsByNames(a.tx, unitNames)).map((u) => [u.name, u.id]) : []);
  const errors: { row: number; message: string }[] = [];
  const seen = new Map<string, number>();
  const subjects: SubjectInput[] = [];
  for (const [i, r] of rows.entries()) {
    const line = i + 2;
    const ref = r[input.columns.ref]?.trim();
    if (!ref) errors.push({ row: line, message: `第 ${line} 行缺少编号（${input.columns.ref}）。` });
    else if (seen.has(ref)) errors.push({ row: line, message: `第 ${line} 行编号 ${ref} 与第 ${seen.get(ref)} 行重复。` });
    else seen.set(ref, line);
    const unitName = input.columns.unit ? r[input.columns.unit]?.trim() : '';
    if (unitName && !unitByName.has(unitName)) errors.push({ row: line, message: `第 ${line} 行的单位“${unitName}”不存在。` });
    if (!ref) continue;
    const { [input.columns.ref]: _r, ...attributes } = r;
    subjects.push({
      kind: 'record',
      ref,
      name: (input.columns.name && r[input.columns.name]?.trim()) || ref,
      stratum: input.columns.stratum ? r[input.columns.stratum]?.trim() || null : null,
      unitId: unitName ? (unitByName.get(unitName) ?? null) : null,
      attributes,
    });
  }
  if (rows.length === 0) errors.push({ row: 1, message: '文件中没有数据行。' });
  const strata = countBy(subjects.map((s) => s.stratum ?? '—'));
  const report = { rows: rows.length, valid: rows.length - new Set(errors.map((e) => e.row)).size, errors: errors.slice(0, 100), strata };
  if (errors.length) {
    throw new AppError('request.invalid', {
      zh: `有 ${errors.length} 处错误，未导入任何记录：${errors[0].message}`,
      en: `${errors.length} problems; nothing was imported.`,
      details: report,
    });
  }
  if (input.dryRun) {
    a.unchanged();
    return { ...report, imported: 0 };
  }
  const { added } = await addSubjects(a, { assessmentId: input.assessmentId, subjects });
  return { ...report, imported: added };
}
