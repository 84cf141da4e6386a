import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

let built = false;

/** `tingjian serve` as a separate process, as it runs in production (built, plain Node); resolves once it listens. */
export function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  if (!built) execFileSync(process.execPath, ['scripts/build-server.mjs']);
  built = true;
  return new Promise((resolve, reject) => {
    // BENCH_NODE_ARGS: options for the server's Node (--cpu-prof --cpu-prof-dir=…, to see where its time goes).
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, 'build/cli.js', 'serve'], {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('is running on')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}

/** BENCH_SKIP_CALLS: whether a call is left out, by a part of its name (a word search without its index reads every row). */
export function skippedCall(name: string): boolean {
  return (process.env.BENCH_SKIP_CALLS ?? '')
    .split(',')
    .filter(Boolean)
    .some((part) => name.includes(part));
}
