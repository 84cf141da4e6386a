import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const parentScript = fileURLToPath(new URL('../../test/fixtures/training-parent.ts', import.meta.url));
const started: ChildProcess[] = [];

/** Alive and not a zombie waiting to be reaped (a container's init may be slow at it). */
function alive(pid: number): boolean {
  const status = `/proc/${pid}/status`;
  if (!existsSync(status)) return false;
  try {
    return !/^State:\s+Z/m.test(readFileSync(status, 'utf8'));
  } catch {
    return false;
  }
}

/** Starts the parent and resolves with its busy child's pid once the child says it is working. */
function startParent(args: string[]): Promise<{ parent: ChildProcess; child: number }> {
  const parent = spawn(process.execPath, ['--import', 'tsx', parentScript, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(parent);
  return new Promise((resolve, reject) => {
    let out = '';
    parent.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /child (\d+)/.exec(out);
      if (m) resolve({ parent, child: Number(m[1]) });
    });
    parent.once('exit', (code) => reject(new Error(`the parent exited (${code}) before its child started`)));
  });
}

async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

afterEach(() => {
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
});

describe('a child doing heavy work', () => {
  it.each([
    ['SIGKILL', []],
    ['SIGTERM', []],
    ['SIGTERM', ['--exit-on-sigterm']],
  ] as const)(
    'ends when its parent is ended by %s %j',
    async (signal, args) => {
      const { parent, child } = await startParent([...args]);
      expect(alive(child)).toBe(true);
      parent.kill(signal);
      expect(await goneWithin(child, 5_000)).toBe(true);
    },
    30_000,
  );

  it('keeps working while its parent lives', async () => {
    const { child } = await startParent([]);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(alive(child)).toBe(true);
    process.kill(child, 'SIGKILL');
  }, 30_000);
});
