import { type ChildProcess, spawn } from 'node:child_process';

/** `tingjian serve` as a child process with this environment; resolves once it says it is running. */
export function startServerProcess(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/tingjian.js', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), timeoutMs);
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('is running on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}
