import { runInWorker } from '../../lib/run-in-worker.js';
import type { Model, TrainingDoc, TrainOptions } from './classifier.js';

/**
 * Trains in a worker thread so that retraining on a district's whole history never blocks the
 * requests being served meanwhile. The worker entry loads TypeScript through tsx, as the CLI does.
 */
export async function trainInWorker(docs: TrainingDoc[], userWords: string[], options: TrainOptions): Promise<Model> {
  const m = await runInWorker<Omit<Model, 'vocab'> & { vocab: string[] }>(new URL('./train-worker.mjs', import.meta.url), {
    docs,
    userWords,
    options,
  });
  return { ...m, vocab: new Map(m.vocab.map((k, i) => [k, i])) };
}
