import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Children still working: a parent that exits takes them with it. */
const running = new Set<ChildProcess>();
let reaping = false;

/**
 * Runs heavy work (training, grouping) in a child process: its input goes in as the first message
 * and its result comes back as the one message it sends. Off the event loop that serves requests,
 * and off the server's memory: a training's peak (a gigabyte at 10^6 demands) is returned to the
 * system when the child exits, so the server's RSS stays flat. The child ends with its parent,
 * however the parent ends (see answerParent).
 */
export function runInChild<T>(entry: URL, input: unknown): Promise<T> {
  if (!reaping) {
    reaping = true;
    // An orderly exit (the server's shutdown on SIGTERM ends in process.exit) kills what still runs.
    process.once('exit', () => {
      for (const child of running) child.kill('SIGKILL');
    });
  }
  return new Promise((resolve, reject) => {
    // Structured clone over the pipe: typed arrays, maps and dates arrive as sent.
    const child = fork(fileURLToPath(entry), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    running.add(child);
    let done = false;
    child.once('message', (m) => {
      done = true;
      resolve(m as T);
      child.kill();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      running.delete(child);
      if (!done) reject(new Error(`${entry.pathname} exited with ${code} before answering`));
    });
    child.send(input as object);
  });
}

/**
 * A thread beside the child's work that ends the child once its parent is gone. The work itself
 * holds the child's event loop for minutes (a training is one synchronous computation), so the IPC
 * channel's 'disconnect' would be seen only after it: the thread looks every half second whether
 * the child was handed to another parent (what the system does when the parent dies, even by
 * SIGKILL) and then kills the whole process.
 */
const watchdog = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.parent) process.kill(workerData.self, 'SIGKILL');
}, 500);
`;

/** The child's side: waits for its input, answers with what `work` returns, and never outlives its parent. */
export function answerParent<I, O>(work: (input: I) => O | Promise<O>): void {
  new Worker(watchdog, { eval: true, workerData: { parent: process.ppid, self: process.pid } }).unref();
  process.once('disconnect', () => process.exit(1));
  process.once('message', async (input) => {
    const out = await work(input as I);
    process.send!(out as object, () => process.exit(0));
  });
}
