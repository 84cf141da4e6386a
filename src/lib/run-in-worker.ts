import { Worker } from 'node:worker_threads';

/**
 * Runs a worker-thread entry with its input and resolves to the one message it posts back: heavy
 * work (training, grouping) off the event loop that serves requests.
 */
export function runInWorker<T>(entry: URL, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData });
    worker.once('message', (m: T) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker ${entry.pathname} exited with ${code}`));
    });
  });
}
