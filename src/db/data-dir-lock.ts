import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Who holds an embedded data directory: the server process that opened it. */
export type Holder = { pid: number; port: number };

const lockFile = (dir: string) => join(dir, 'tingjian.lock');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The live server holding the directory, if any; a lock left by a process that died holds nothing. */
export function dataDirHolder(dir: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(lockFile(dir), 'utf8')) as Holder;
    return holder.pid !== process.pid && alive(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

export class DataDirHeld extends Error {
  constructor(
    readonly dir: string,
    readonly holder: Holder,
  ) {
    super(
      `the data directory ${dir} is in use by a running server (process ${holder.pid}, port ${holder.port}). ` +
        'The embedded database is one process’s: a second process would read it half-written and lose rows. ' +
        'Stop the server first (or run on a PostgreSQL server, which any number of processes may share). ' +
        `数据目录正由运行中的服务器（进程 ${holder.pid}）使用，请先停止服务器再操作。`,
    );
  }
}

/** Refuses when a live server holds the directory. */
export function assertDataDirFree(dir: string): void {
  const holder = dataDirHolder(dir);
  if (holder) throw new DataDirHeld(dir, holder);
}

/** Marks the directory as this server's until `release` (or the process's exit). */
export function holdDataDir(dir: string, port: number): () => void {
  assertDataDirFree(dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(lockFile(dir), JSON.stringify({ pid: process.pid, port } satisfies Holder));
  const release = () => {
    if (dataDirHolder(dir) === null) rmSync(lockFile(dir), { force: true });
  };
  process.once('exit', release);
  return release;
}
