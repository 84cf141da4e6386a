import { Worker } from 'node:worker_threads';
import type { Model, TrainingDoc, TrainOptions } from './classifier.js';

/**
 * Trains in a worker thread so that retraining on a district's whole history never blocks the
 * requests being served meanwhile. The worker entry loads TypeScript through tsx, as the CLI does.
 */
export function trainInWorker(docs: TrainingDoc[], userWords: string[], options: TrainOptions): Promise<Model> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./train-worker.mjs', import.meta.url), {
      workerData: { docs, userWords, options },
    });
    worker.once('message', (m: Omit<Model, 'vocab'> & { vocab: string[] }) => {
      resolve({ ...m, vocab: new Map(m.vocab.map((k, i) => [k, i])) });
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`training worker exited with ${code}`));
    });
  });
}
