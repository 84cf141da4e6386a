// npm run bench:import — an honest export of BENCH_ROWS (100,000) demands as XLSX, imported through the
// running server (built, its own process) with its progress polled as the console does; prints rows/s
// and the server's peak RSS (VmHWM) and writes bench/results/import.json. BENCH_DRY_RUN=true reads and
// checks every row but writes none (the reading thread's cost alone).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, runMigrations } from '../src/db/client.js';
import { appContextFor, perform, systemActor } from '../src/kernel/index.js';
import { createUser } from '../src/modules/accounts/actions/create-user.js';
import { createApiToken } from '../src/modules/accounts/store.js';
import { createRegion } from '../src/modules/regions/store.js';
import { honestXlsx } from './honest-xlsx.js';
import { startServer } from './serve.js';

const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const dryRun = process.env.BENCH_DRY_RUN === 'true';
const port = Number(process.env.BENCH_PORT ?? 4150);

const peakRss = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const dir = mkdtempSync(join(tmpdir(), 'tingjian-bench-import-'));
try {
  const database = await openDatabase({ dataDir: dir });
  await runMigrations(database);
  const region = await database.db.transaction((tx) =>
    createRegion(tx, { parentId: null, level: 'district', name: '导入区', code: 'IMP' }),
  );
  const { id } = await perform(appContextFor(database.db), systemActor, createUser, {
    username: 'bench-admin',
    displayName: '导入',
    password: 'bench-password-1',
    roles: [{ role: 'admin' }],
  });
  const { token } = await createApiToken(database.db, id, 'bench');
  await database.close();
  const file = await honestXlsx(rows);
  console.log(`file: ${rows} rows, ${(file.length / 1024 / 1024).toFixed(2)} MB`);
  const server = await startServer({ TINGJIAN_DATA_DIR: dir, DATABASE_URL: '' }, port);
  const base = `http://127.0.0.1:${port}/api/v1`;
  const auth = { authorization: `Bearer ${token}` };
  const source = await fetch(`${base}/import-sources`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: '旧系统',
      columns: { number: '编号', title: '标题', content: '诉求内容', createdAt: '登记时间', replyText: '答复内容', repliedAt: '答复时间' },
      defaults: { regionId: region.id },
    }),
  }).then((r) => r.json() as Promise<{ id: number }>);
  const progress: { ms: number; phase: string; percent: number; rows: number }[] = [];
  const t0 = performance.now();
  let going = true;
  // How long each poll waited for its answer: the console's bar moves only as fast as these come back.
  const pollMs: number[] = [];
  const poll = (async () => {
    while (going) {
      const asked = performance.now();
      const p = await fetch(`${base}/import-sources/${source.id}/runs/progress`, { headers: auth })
        .then((r) => r.json() as Promise<{ phase: string; percent: number; rows: number }>)
        .catch(() => null);
      pollMs.push(performance.now() - asked);
      if (p && p.phase !== 'idle' && progress.at(-1)?.percent !== p.percent)
        progress.push({ ms: Math.round(performance.now() - t0), ...p });
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  const res = await fetch(`${base}/import-sources/${source.id}/runs?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: new Uint8Array(file),
  });
  const seconds = (performance.now() - t0) / 1000;
  going = false;
  await poll;
  const report = (await res.json()) as { rows: number; valid: number; imported: number };
  const result = {
    date: new Date().toISOString(),
    rows,
    fileMb: +(file.length / 1024 / 1024).toFixed(2),
    dryRun,
    status: res.status,
    report: { rows: report.rows, valid: report.valid, imported: report.imported },
    seconds: +seconds.toFixed(1),
    rowsPerSecond: Math.round(rows / seconds),
    serverPeakRssMb: Math.round(peakRss(server.pid!)),
    polls: pollMs.length,
    slowestPollMs: Math.round(Math.max(0, ...pollMs)),
    progress,
  };
  console.log(JSON.stringify({ ...result, progress: `${progress.length} distinct readings` }, null, 2));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/import.json', `${JSON.stringify(result, null, 2)}\n`);
  server.kill('SIGTERM');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
