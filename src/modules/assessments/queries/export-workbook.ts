import type { Reader } from '../../../kernel/index.js';
import { writeWorkbook } from '../../../lib/spreadsheet.js';
import { accountsByIds } from '../../accounts/index.js';
import { unitsByIds } from '../../regions/index.js';
import { itemsOf } from '../rules/rubric.js';
import type { LoadedAssessment } from '../store.js';
import { loadOutcomes } from './outcomes.js';
import { assessmentResults } from './results.js';

const stateZh = { draft: '筹备', open: '评分中', closed: '已结束', published: '已公布' } as const;

/**
 * The workbook a supervisor hands to a leader: the summary, every subject with each item's outcome, and the failures.
 * It shows no more than the caller's results do: while those are hidden (a blind round still open), no subject's
 * outcomes and no assessor's name.
 */
export async function assessmentWorkbook(db: Reader, a: LoadedAssessment, today: string) {
  const results = await assessmentResults(db, a, today);
  const { subjects, scores, findings } = await loadOutcomes(db, a.id);
  const items = itemsOf(a.rubric.aspects);
  const unitIds = [...new Set(subjects.map((s) => s.unitId).filter((u): u is number => u !== null))];
  const unitName = new Map(unitIds.length ? (await unitsByIds(db, unitIds)).map((u) => [u.id, u.name]) : []);
  const userIds = [...new Set(scores.map((s) => s.userId))];
  const names = new Map(userIds.length ? (await accountsByIds(db, userIds)).map((u) => [u.id, u.name]) : []);
  const decided = new Map(findings.filter((f) => f.status === 'decided').map((f) => [`${f.subjectId}:${f.itemKey}`, f]));
  const summary: (string | number | null)[][] = [
    ['考评', a.title],
    ['区域', a.regionName],
    ['状态', stateZh[a.state]],
    ['评分标准', `${a.rubric.name} 第 ${a.rubric.version} 版`],
  ];
  if (results.hidden) summary.push(['盲评', '评分进行中：结束前不显示各对象的评分、评审人员与排名']);
  const q = results.qualification;
  if (q) {
    summary.push(['抽取份数', q.sampled], ['已判定', q.assessed], ['合格', q.qualified]);
    if (q.rate) summary.push(['合格率', `${q.rate.rate}%`], ['95% 置信区间', `${q.rate.low}% – ${q.rate.high}%`]);
    for (const s of q.strata)
      summary.push([
        `分层：${s.stratum}`,
        s.rate ? `${s.qualified}/${s.assessed}，${s.rate.rate}%（${s.rate.low}% – ${s.rate.high}%）` : '—',
      ]);
    for (const f of q.failuresByItem) summary.push([`不合格项：${f.name}`, f.failures]);
  }
  summary.push(
    ['整改：未完成', results.rectification.open + results.rectification.submitted],
    ['整改：已销号', results.rectification.closed],
    ['整改：逾期', results.rectification.overdue],
  );
  const bySubject = new Map<number, typeof scores>();
  for (const s of scores) bySubject.set(s.subjectId, (bySubject.get(s.subjectId) ?? []).concat(s));
  const outcome = (subjectId: number, key: string) => {
    const f = decided.get(`${subjectId}:${key}`);
    const entries = (bySubject.get(subjectId) ?? []).filter((s) => s.itemKey === key);
    const item = items.find((i) => i.key === key)!;
    if (item.kind === 'pass_fail') {
      const passed = f ? f.passed : entries.length ? entries.every((e) => e.passed) : null;
      return passed === null ? '' : `${passed ? '合格' : '不合格'}${f ? '（专家会诊）' : ''}`;
    }
    const xs = entries.map((e) => e.score!).filter((x) => x !== null);
    return f?.score ?? (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 100) / 100 : '');
  };
  const subjectRows = subjects.map((s) => [
    s.ref,
    s.name,
    s.stratum,
    s.unitId ? (unitName.get(s.unitId) ?? '') : '',
    ...(results.hidden
      ? ['', ...items.map(() => '')]
      : [
          [...new Set((bySubject.get(s.id) ?? []).map((x) => names.get(x.userId) ?? ''))].join('、'),
          ...items.map((i) => outcome(s.id, i.key)),
        ]),
  ]);
  const ranking =
    results.scoring?.rows.map((r) => [r.rank, r.name, r.final, r.mean, r.trimmedMean, r.spread?.range ?? null, r.assessors]) ?? [];
  return writeWorkbook([
    { name: '汇总', header: ['项目', '内容'], rows: summary },
    {
      name: '对象与评分',
      header: ['编号', '名称', '分层', '责任单位', '评审人员', ...items.map((i) => i.name)],
      rows: subjectRows as (string | number | null)[][],
    },
    ...(ranking.length
      ? [{ name: '排名', header: ['名次', '名称', '最终得分', '平均分', '去高低分平均', '极差', '评委人数'], rows: ranking }]
      : []),
  ]);
}
