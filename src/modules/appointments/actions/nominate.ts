import { type ActionContext, auditMany, organisesIn } from '../../../kernel/index.js';
import { AppError } from '../../../lib/errors.js';
import { checkPost, loadProgramme } from '../store.js';
import { appointees } from '../tables.js';

export type NominationInput = { postRegionId: number; name: string; background: string; nominatedBy: 'self' | 'township' };

/**
 * 推荐 / 自荐: candidates for posts. The district's organisers enter any; a township's organisers
 * only for posts in their township. All or nothing.
 */
export async function nominate(a: ActionContext, input: { programmeId: number; candidates: NominationInput[] }) {
  const programme = await loadProgramme(a.tx, a.actor, input.programmeId);
  const postPaths = await checkPost(
    a.tx,
    programme,
    input.candidates.map((c) => c.postRegionId),
  );
  // Every candidate's post is one of the programme's (checkPost refuses otherwise), so each has its path here.
  if (!programme.organiser && input.candidates.some((c) => !organisesIn(a.actor, postPaths.get(c.postRegionId)!))) {
    throw new AppError('auth.forbidden');
  }
  const rows = await a.tx
    .insert(appointees)
    .values(input.candidates.map((c) => ({ ...c, programmeId: programme.id, createdAt: a.now })))
    .returning();
  await auditMany(
    a,
    rows.map((r) => ({
      resource: 'appointee',
      resourceId: r.id,
      action: 'nominate',
      regionPath: programme.regionPath,
      data: { post: r.postRegionId, nominatedBy: r.nominatedBy },
    })),
  );
  return rows;
}
