import { eq } from 'drizzle-orm';
import { type Actor, organisesIn, organisesUnder, type Reader } from '../../kernel/index.js';
import { AppError } from '../../lib/errors.js';
import { regionOf, regionsWithTownship } from '../regions/index.js';
import { appointeeParts } from './allowed-actions.js';
import { type AppointeeStep, appointeeStepAllowed } from './lifecycle.js';
import { appointmentPartMay } from './policy.js';
import type { Post } from './rules/coverage.js';
import { appointees, appointmentProgrammes, type PostKind } from './tables.js';

/**
 * A programme the caller organises, or one with posts in a township they organise (404 otherwise). Grants of
 * other roles inside the region — a township's dispatcher or handlers — open nothing: the appointees' names,
 * backgrounds and letters are for the parts the policy names, and `listAppointees` narrows a township's
 * organisers to their own posts.
 */
export async function loadProgramme(db: Reader, actor: Actor, id: number) {
  const region = regionOf(appointmentProgrammes.regionId);
  const [row] = await db
    .select({ p: appointmentProgrammes, path: region.path, region: region.name })
    .from(appointmentProgrammes)
    .where(eq(appointmentProgrammes.id, id));
  if (!row) throw new AppError('not_found', { details: { programmeId: id } });
  const organiser = actor.kind === 'system' || organisesIn(actor, row.path);
  const organisesTownship = organisesUnder(actor, row.path);
  if (!organiser && !organisesTownship) throw new AppError('not_found', { details: { programmeId: id } });
  return { ...row.p, regionPath: row.path, regionName: row.region, organiser };
}

/** An appointee with the caller's parts; guarded in the model's order when a step is named. */
export async function loadAppointee(db: Reader, actor: Actor, id: number, step?: AppointeeStep) {
  const post = regionOf(appointees.postRegionId);
  const [row] = await db.select({ a: appointees, postPath: post.path, post: post.name }).from(appointees).where(eq(appointees.id, id));
  if (!row) throw new AppError('not_found', { details: { appointeeId: id } });
  const programme = await loadProgramme(db, actor, row.a.programmeId).catch(() => null);
  const parts = appointeeParts(actor, {
    programmeOrganiser: programme?.organiser ?? false,
    postPath: row.postPath,
    supportUserId: row.a.supportUserId,
  });
  // No part in it, no sight of it: another township's organisers and the region's other staff get a 404.
  if (parts.size === 0) throw new AppError('not_found', { details: { appointeeId: id } });
  if (step) {
    if (!appointmentPartMay(step, parts)) throw new AppError('auth.forbidden');
    if (!appointeeStepAllowed(step, row.a.state))
      throw new AppError('appointment.invalid_state', { details: { state: row.a.state, step } });
  }
  return {
    ...row.a,
    postPath: row.postPath,
    post: row.post,
    parts,
    programme: programme ?? (await loadProgrammeUnchecked(db, row.a.programmeId)),
  };
}

async function loadProgrammeUnchecked(db: Reader, id: number) {
  const region = regionOf(appointmentProgrammes.regionId);
  const [row] = await db
    .select({ p: appointmentProgrammes, path: region.path, region: region.name })
    .from(appointmentProgrammes)
    .where(eq(appointmentProgrammes.id, id));
  return { ...row.p, regionPath: row.path, regionName: row.region, organiser: false };
}

/** The posts of a programme: the villages (community-level regions named …村), communities or grids under its region, each with its township. */
export async function postsOf(db: Reader, regionPath: string, kind: PostKind): Promise<(Post & { path: string })[]> {
  const level = kind === 'grid' ? 'grid' : 'community';
  const rows = await regionsWithTownship(db, {
    level,
    under: regionPath,
    // A village is a community-level region named …村; the other communities are not.
    ...(kind === 'village' ? { nameLike: '%村' } : kind === 'community' ? { nameNotLike: '%村' } : {}),
  });
  return rows.map((r) => ({ regionId: r.id, name: r.name, path: r.path, townshipId: r.townshipId, township: r.township ?? '—' }));
}

/** A post region must lie in the programme's region and be of its kind. Answers each post's path by its region id. */
export async function checkPost(
  db: Reader,
  programme: { regionPath: string; postKind: PostKind },
  regionIds: number[],
): Promise<Map<number, string>> {
  const posts = new Map((await postsOf(db, programme.regionPath, programme.postKind)).map((p) => [p.regionId, p.path]));
  const wrong = [...new Set(regionIds)].filter((id) => !posts.has(id));
  if (wrong.length) {
    throw new AppError('validation.reference', {
      zh: `这些区域不是本项目的岗位（${programme.postKind === 'village' ? '村' : programme.postKind === 'grid' ? '网格' : '社区'}）：${wrong.join('、')}`,
      en: `These regions are not posts of this programme: ${wrong.join(', ')}`,
      details: { regionIds: wrong },
    });
  }
  return posts;
}
