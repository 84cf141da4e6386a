import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs heavy work (training, grouping) in a child process: its input goes in as the first message
 * and its result comes back as the one message it sends. Off the event loop that serves requests,
 * and off the server's memory: a training's peak (a gigabyte at 10^6 demands) is returned to the
 * system when the child exits, so the server's RSS stays flat.
 */
export function runInChild<T>(entry: URL, input: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    // Structured clone over the pipe: typed arrays, maps and dates arrive as sent.
    const child = fork(fileURLToPath(entry), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let done = false;
    child.once('message', (m) => {
      done = true;
      resolve(m as T);
      child.kill();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!done) reject(new Error(`${entry.pathname} exited with ${code} before answering`));
    });
    child.send(input as object);
  });
}

/** The child's side: waits for its input, answers with what `work` returns. */
export function answerParent<I, O>(work: (input: I) => O | Promise<O>): void {
  process.once('message', async (input) => {
    const out = await work(input as I);
    process.send!(out as object, () => process.exit(0));
  });
}
