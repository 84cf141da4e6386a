import { runInChild } from '../../lib/run-in-child.js';
import type { TrainedModel, TrainingDoc, TrainOptions } from './classifier.js';

/**
 * Trains in a child process so that retraining on a district’s whole history never blocks the
 * requests being served meanwhile. The child entry loads TypeScript through tsx, as the CLI does.
 */
export async function trainInChild(docs: TrainingDoc[], userWords: string[], options: TrainOptions): Promise<TrainedModel> {
  const m = await runInChild<Omit<TrainedModel, 'vocab'> & { vocab: string[] }>(new URL('./train-worker.mjs', import.meta.url), {
    docs,
    userWords,
    options,
  });
  return { ...m, vocab: new Map(m.vocab.map((k, i) => [k, i])) };
}
