/** One thing an assessor judges: pass/fail with a reason when it fails, or a score from 0 to `max` with a weight. */
export type RubricItem = { key: string; name: string; kind: 'pass_fail' | 'scale'; max?: number; weight?: number };
export type Aspect = { key: string; name: string; items: RubricItem[] };

export const itemsOf = (aspects: Aspect[]) => aspects.flatMap((a) => a.items.map((i) => ({ ...i, aspect: a.key })));

/** Problems that make a rubric unusable, in words the organiser can act on; empty when it is fine. */
export function rubricProblems(aspects: Aspect[]): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  if (aspects.length === 0) problems.push('评分标准至少需要一个方面。');
  for (const a of aspects) {
    if (a.items.length === 0) problems.push(`方面“${a.name}”没有评分项。`);
    for (const i of a.items) {
      if (keys.has(i.key)) problems.push(`评分项编号“${i.key}”重复。`);
      keys.add(i.key);
      if (i.kind === 'scale' && !(i.max && i.max > 0)) problems.push(`评分项“${i.name}”需要满分（大于 0）。`);
      if (i.kind === 'pass_fail' && (i.max !== undefined || i.weight !== undefined)) {
        problems.push(`评分项“${i.name}”是合格/不合格项，不设满分和权重。`);
      }
    }
  }
  return problems;
}

export type ItemScore = { itemKey: string; userId: number; passed: boolean | null; score: number | null };

/** Problems with one assessor's entry for an item, given the rubric. */
export function scoreProblem(item: RubricItem, entry: { passed?: boolean | null; score?: number | null; reason?: string | null }) {
  if (item.kind === 'pass_fail') {
    if (typeof entry.passed !== 'boolean') return `“${item.name}”需要判定合格或不合格。`;
    if (entry.passed === false && !entry.reason?.trim()) return `“${item.name}”判定不合格时必须写明原因。`;
    return null;
  }
  if (typeof entry.score !== 'number') return `“${item.name}”需要打分。`;
  if (entry.score < 0 || entry.score > (item.max ?? 0)) return `“${item.name}”的分数应在 0 到 ${item.max} 之间。`;
  return null;
}
