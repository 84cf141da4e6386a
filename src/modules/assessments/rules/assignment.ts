export type Assignable = { id: number; ref: string; stratum: string | null; unitId: number | null };
export type Assessor = { userId: number; unitIds: number[] };

/**
 * Balanced assignment with conflict-of-interest exclusion: each subject goes to the eligible
 * assessor with the fewest so far (ties to the lowest user id). By stratum, an assessor already
 * holding the subject's stratum is preferred while their load stays within one of the lightest.
 */
export function balancedAssignment(subjects: Assignable[], assessors: Assessor[], byStratum: boolean) {
  const load = new Map(assessors.map((x) => [x.userId, 0]));
  const strataOf = new Map(assessors.map((x) => [x.userId, new Set<string>()]));
  const byAssessor = new Map<number, number[]>(assessors.map((x) => [x.userId, []]));
  const unassignable: string[] = [];
  const ordered = [...assessors].sort((x, y) => x.userId - y.userId);
  for (const s of subjects) {
    const eligible = ordered.filter((x) => s.unitId === null || !x.unitIds.includes(s.unitId));
    if (eligible.length === 0) {
      unassignable.push(s.ref);
      continue;
    }
    const lightest = Math.min(...eligible.map((x) => load.get(x.userId)!));
    let pick = eligible.find((x) => load.get(x.userId) === lightest)!;
    if (byStratum && s.stratum) {
      const keeper = eligible.find((x) => strataOf.get(x.userId)!.has(s.stratum!) && load.get(x.userId)! <= lightest + 1);
      if (keeper) pick = keeper;
    }
    load.set(pick.userId, load.get(pick.userId)! + 1);
    if (s.stratum) strataOf.get(pick.userId)!.add(s.stratum);
    byAssessor.get(pick.userId)!.push(s.id);
  }
  return { byAssessor, unassignable };
}
