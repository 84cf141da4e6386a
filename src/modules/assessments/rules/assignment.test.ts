import { describe, expect, it } from 'vitest';
import { type Assignable, balancedAssignment } from './assignment.js';

const subject = (id: number, unitId: number | null, stratum: string | null = null): Assignable => ({ id, ref: `S${id}`, stratum, unitId });
const loads = (r: ReturnType<typeof balancedAssignment>) => Object.fromEntries([...r.byAssessor].map(([u, ids]) => [u, ids]));

describe('assignment with conflict-of-interest exclusion', () => {
  it.each([
    [
      'evenly over two assessors',
      [subject(1, null), subject(2, null), subject(3, null)],
      [
        { userId: 10, unitIds: [] },
        { userId: 11, unitIds: [] },
      ],
      false,
      { 10: [1, 3], 11: [2] },
      [],
    ],
    [
      'never to a member of the subject’s unit',
      [subject(1, 7), subject(2, 7), subject(3, 8)],
      [
        { userId: 10, unitIds: [7] },
        { userId: 11, unitIds: [8] },
      ],
      false,
      { 10: [3], 11: [1, 2] },
      [],
    ],
    ['nobody eligible: named', [subject(1, 7)], [{ userId: 10, unitIds: [7] }], false, { 10: [] }, ['S1']],
    [
      'by stratum keeps a hospital with one assessor while loads stay even',
      [subject(1, null, 'A'), subject(2, null, 'B'), subject(3, null, 'A'), subject(4, null, 'B')],
      [
        { userId: 10, unitIds: [] },
        { userId: 11, unitIds: [] },
      ],
      true,
      { 10: [1, 3], 11: [2, 4] },
      [],
    ],
  ] as const)('%s', (_, subjects, assessors, byStratum, want, unassignable) => {
    const r = balancedAssignment(
      [...subjects],
      assessors.map((a) => ({ ...a, unitIds: [...a.unitIds] })),
      byStratum,
    );
    expect(loads(r)).toEqual(want);
    expect(r.unassignable).toEqual(unassignable);
  });
});
