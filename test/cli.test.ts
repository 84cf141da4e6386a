import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import { runInChild } from '../src/lib/run-in-child.js';
import { users } from '../src/modules/accounts/tables.js';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'tingjian-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function run(entry: string, dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TINGJIAN_DATA_DIR: dataDir, LOG_LEVEL: 'error' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, [entry, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}
const cli = (dataDir: string, ...args: string[]) => run('bin/tingjian.js', dataDir, ...args);

describe('the tingjian command', () => {
  it('migrates, adds a user, refuses a duplicate, backs up and restores into another database', () => {
    const a = fresh();
    expect(cli(a, 'migrate')).toMatchObject({ code: 0 });
    const add = cli(a, 'user', 'add', '--username', 'wang', '--name', '王芳', '--password', 'secret-pass-1', '--role', 'admin');
    expect(add.code).toBe(0);
    expect(add.out).toMatch(/created wang/);
    const again = cli(a, 'user', 'add', '--username', 'wang', '--password', 'secret-pass-1');
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/taken/);
    const bad = cli(a, 'user', 'add', '--username', 'li', '--password', 'secret-pass-1', '--role', 'handler:没有这个单位');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/existing unit/);
    const file = join(a, 'backup.gz');
    expect(cli(a, 'backup', '--out', file)).toMatchObject({ code: 0 });
    // A second backup to the same name would lose the first: refused.
    const twice = cli(a, 'backup', '--out', file);
    expect(twice.code).toBe(2);
    expect(twice.out).toMatch(/already exists/);
    const b = fresh();
    const restored = cli(b, 'restore', '--in', file);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/rows restored/);
    expect(cli(b, 'restore', '--in', file).code).toBe(1);
  }, 120_000);

  it('refuses to back up an embedded database a running server holds, and backs it up once the server has stopped', async () => {
    const dir = fresh();
    const env: NodeJS.ProcessEnv = { ...process.env, TINGJIAN_DATA_DIR: dir, LOG_LEVEL: 'error', PORT: '4141' };
    delete env.DATABASE_URL;
    const server = spawn(process.execPath, ['bin/tingjian.js', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      // An installation with no accounts is told how to make its first administrator, not shown demo logins.
      const welcome = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout.on('data', (b: Buffer) => {
          out += b;
          if (out.includes('is running on') && out.includes('user add')) resolve(out);
        });
        server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      expect(welcome).toMatch(/No accounts yet/);
      expect(welcome).not.toMatch(/Demo logins/);
      const file = join(dir, 'backup.gz');
      const held = cli(dir, 'backup', '--out', file);
      expect(held.code).toBe(1);
      expect(held.out).toMatch(new RegExp(`in use by a running server \\(process ${server.pid}, port 4141\\)`));
      expect(held.out).toMatch(/请先停止服务器/);
      expect(existsSync(file)).toBe(false);
      expect(cli(dir, 'user', 'add', '--username', 'zhao', '--password', 'secret-pass-1').code).toBe(1);
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      const free = cli(dir, 'backup', '--out', file);
      expect(free.out).toMatch(/rows written/);
      expect(free.code).toBe(0);
    } finally {
      server.kill('SIGKILL');
    }
  }, 180_000);

  it('runs as built for production (plain JavaScript in build/, as npm start runs it)', async () => {
    expect(spawnSync(process.execPath, ['scripts/build-server.mjs'], { encoding: 'utf8' }).status).toBe(0);
    // The demo reads the category tree's seed, a file copied beside the compiled module.
    const demo = run('build/cli.js', fresh(), 'demo');
    expect(demo.out).toMatch(/loaded the demo district/);
    expect(demo.code).toBe(0);
    // A child process entry finds the compiled module beside it.
    const lamp = (id: string) => ({
      id,
      text: '滨河路路灯不亮，晚上很黑',
      title: '滨河路路灯不亮',
      time: new Date('2026-11-20T10:00:00Z'),
    });
    const topics = await runInChild<{ size: number }[]>(new URL('../build/modules/text/topics-worker.mjs', import.meta.url), {
      docs: [lamp('1'), lamp('2'), lamp('3')],
      userWords: [],
      now: '2026-11-21T00:00:00Z',
    });
    expect(topics.map((t) => t.size)).toEqual([3]);
  }, 120_000);

  it('lists the months with their rows and names the database; a month still running is refused with the day it ends', () => {
    const dir = fresh();
    const listed = cli(dir, 'partitions');
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/database: embedded, in /);
    expect(listed.out).toMatch(/audit_events_before .* ~\d+ rows/);
    expect(listed.out).not.toMatch(/not analysed/);
    const refused = cli(dir, 'archive', '--partition', 'audit_events_before', '--out', join(dir, 'a.gz'));
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/错误：分区 audit_events_before 到 \d{4}-\d{2}-01 零点（北京时间）才结束/);
    expect(existsSync(join(dir, 'a.gz'))).toBe(false);
  }, 120_000);

  it('prints usage for an unknown command', () => {
    const r = cli(fresh(), 'frobnicate');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/Usage: tingjian/);
  });

  it('the restored database holds the user', async () => {
    const b = dirs[1];
    const db = await openDatabase({ dataDir: b });
    try {
      const [row] = await db.db.select().from(users).where(eq(users.username, 'wang'));
      expect(row.displayName).toBe('王芳');
    } finally {
      await db.close();
    }
  });
});
