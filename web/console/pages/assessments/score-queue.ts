import { ApiError, api } from '../../../shared/api';

export type PendingEntry = {
  subjectId: number;
  items: { itemKey: string; passed?: boolean | null; score?: number | null; reason?: string | null }[];
};

const keyOf = (assessmentId: number) => `tingjian.scores.${assessmentId}`;

/** Scores saved on the phone until the server has them: a dropped signal during an on-site report loses nothing. */
export function pendingScores(assessmentId: number): PendingEntry[] {
  try {
    return JSON.parse(localStorage.getItem(keyOf(assessmentId)) ?? '[]') as PendingEntry[];
  } catch {
    return [];
  }
}

export function queueScore(assessmentId: number, entry: PendingEntry) {
  const rest = pendingScores(assessmentId).filter((e) => e.subjectId !== entry.subjectId);
  localStorage.setItem(keyOf(assessmentId), JSON.stringify([...rest, entry]));
}

/**
 * Sends everything waiting, once. A network failure keeps the queue for the next try; a refusal
 * (a closed round, a bad score) is the person's to see, so it is thrown and the queue kept.
 */
export async function flushScores(assessmentId: number): Promise<{ sent: number }> {
  const entries = pendingScores(assessmentId);
  if (entries.length === 0) return { sent: 0 };
  try {
    await api('POST', `/assessments/${assessmentId}/scores`, { entries });
  } catch (e) {
    if (e instanceof ApiError && e.code === 'network') return { sent: 0 };
    throw e;
  }
  // Only what was sent leaves the queue: an entry changed while it travelled stays for the next send.
  const sent = new Set(entries.map((e) => JSON.stringify(e)));
  localStorage.setItem(keyOf(assessmentId), JSON.stringify(pendingScores(assessmentId).filter((e) => !sent.has(JSON.stringify(e)))));
  return { sent: entries.length };
}
