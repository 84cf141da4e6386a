import { client, type Init } from '../../../shared/client';
import { offlineQueue } from '../../offline-queue';

export type PendingEntry = Init<'/assessments/{id}/scores', 'post'>['body']['entries'][number];

/** Scores saved on the phone until the server has them: a dropped signal during an on-site report loses nothing. */
export const scoreQueue = offlineQueue<{ assessmentId: number; entry: PendingEntry }>(
  'tingjian.scores',
  async ({ assessmentId, entry }) => {
    await client.POST('/assessments/{id}/scores', { path: { id: assessmentId }, body: { entries: [entry] } });
    return undefined;
  },
);

/** A subject's latest scores replace those still waiting for it. */
export const scoreKey = (assessmentId: number, subjectId: number) => `${assessmentId}-${subjectId}`;

/** Scores a former version kept per round (`tingjian.scores.<round>`) join the one queue, so an update loses none. */
export function adoptEarlierScores(assessmentId: number) {
  const earlier = `tingjian.scores.${assessmentId}`;
  try {
    for (const entry of JSON.parse(localStorage.getItem(earlier) ?? '[]') as PendingEntry[])
      scoreQueue.add(scoreKey(assessmentId, entry.subjectId), { assessmentId, entry });
  } catch {
    // Unreadable: nothing to adopt.
  }
  localStorage.removeItem(earlier);
}
