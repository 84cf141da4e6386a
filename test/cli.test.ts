import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
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

function cli(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TINGJIAN_DATA_DIR: dataDir, LOG_LEVEL: 'error' };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ['bin/tingjian.js', ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

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
    const b = fresh();
    const restored = cli(b, 'restore', '--in', file);
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(/rows restored/);
    expect(cli(b, 'restore', '--in', file).code).toBe(1);
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
