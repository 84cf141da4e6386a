import { and, desc, eq } from 'drizzle-orm';
import type { Actor, Reader } from '../../../kernel/index.js';
import { resultsForSubjectRef } from '../../assessments/index.js';
import { demandTallyUnder } from '../../demands/index.js';
import { regionOf } from '../../regions/index.js';
import { allowedAppointeeActions, appointeeParts } from '../allowed-actions.js';
import type { loadAppointee } from '../store.js';
import { type AppointeeState, appointeeLogs, appointees } from '../tables.js';

/** The programme's candidates and appointees the caller has a part in, by post, optionally of one state, each with what the caller may do on it. */
export async function listAppointees(db: Reader, actor: Actor, programme: { id: number; organiser: boolean }, state?: AppointeeState) {
  const post = regionOf(appointees.postRegionId);
  const rows = await db
    .select({
      id: appointees.id,
      name: appointees.name,
      background: appointees.background,
      nominatedBy: appointees.nominatedBy,
      state: appointees.state,
      postRegionId: appointees.postRegionId,
      post: post.name,
      termStart: appointees.termStart,
      termEnd: appointees.termEnd,
      letterNo: appointees.letterNo,
      supportName: appointees.supportName,
      reviewNote: appointees.reviewNote,
      endedOn: appointees.endedOn,
      endReason: appointees.endReason,
      postPath: post.path,
      supportUserId: appointees.supportUserId,
    })
    .from(appointees)
    .where(and(eq(appointees.programmeId, programme.id), state ? eq(appointees.state, state) : undefined))
    .orderBy(post.path, appointees.id)
    .limit(2_000);
  // Each row only to a caller with a part in it: the organisers see every post, a township's organisers their own.
  return rows.flatMap(({ postPath, supportUserId, ...r }) => {
    const parts = appointeeParts(actor, { programmeOrganiser: programme.organiser, postPath, supportUserId });
    return parts.size ? [{ ...r, allowedActions: allowedAppointeeActions(parts, r.state) }] : [];
  });
}

/**
 * One appointee: the term, the supporting official, the duty checklist with the work logged
 * against each, the demands raised in their post during the term and how they ended, and the
 * annual evaluations (assessments whose subject is `appointee:<id>`).
 */
export async function appointeeView(db: Reader, c: Awaited<ReturnType<typeof loadAppointee>>, today: string) {
  const logs = await db
    .select()
    .from(appointeeLogs)
    .where(eq(appointeeLogs.appointeeId, c.id))
    .orderBy(desc(appointeeLogs.happenedOn), desc(appointeeLogs.id));
  const since = c.termStart ?? today;
  const d = await demandTallyUnder(db, c.postPath, since);
  return {
    id: c.id,
    programmeId: c.programmeId,
    programme: c.programme.name,
    name: c.name,
    background: c.background,
    nominatedBy: c.nominatedBy,
    state: c.state,
    postRegionId: c.postRegionId,
    post: c.post,
    letterNo: c.letterNo,
    termStart: c.termStart,
    termEnd: c.termEnd,
    supportName: c.supportName,
    reviewNote: c.reviewNote,
    endedOn: c.endedOn,
    endReason: c.endReason,
    duties: c.programme.duties.map((duty) => ({ duty, entries: logs.filter((l) => l.duty === duty).length })),
    logs: logs.map((l) => ({ id: l.id, kind: l.kind, happenedOn: l.happenedOn, summary: l.summary, evidence: l.evidence, duty: l.duty })),
    demands: { raised: Number(d.raised), closed: Number(d.closed), open: Number(d.open) },
    evaluations: await resultsForSubjectRef(db, `appointee:${c.id}`, today),
    parts: [...c.parts],
    allowedActions: allowedAppointeeActions(c.parts, c.state),
  };
}
