// A spreadsheet cannot stall the server: the caller is authorised before the file is read (a handler's
// bomb is a 403 at once), the zip's sizes are checked before anything is inflated, the file is read on
// a thread of its own with a heap ceiling, and /healthz keeps answering meanwhile. An honest file shows
// its progress while it is read and written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { honestXlsx } from '../../bench/honest-xlsx.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { hugeStringBomb, manyRowsBomb } from '../fakes/xlsx-bombs.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
let sourceId: number;
let roundId: number;
let rowsBomb: Buffer;
let lyingRowsBomb: Buffer;
let stringBomb: Buffer;

const xlsx = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

beforeAll(async () => {
  ({ database, world, api } = await setUpApiWorld());
  [rowsBomb, lyingRowsBomb, stringBomb] = await Promise.all([
    manyRowsBomb(3_000_000),
    manyRowsBomb(3_000_000, { declare: 4096 }),
    hugeStringBomb(400),
  ]);
  const source = await api.call('POST', '/api/v1/import-sources', {
    token: world.tokens.admin,
    body: {
      name: '旧系统',
      columns: { number: '编号', title: '标题', content: '诉求内容', createdAt: '登记时间', replyText: '答复内容', repliedAt: '答复时间' },
      defaults: { regionId: world.district.id, unitId: world.deptA.id },
    },
  });
  sourceId = source.body.id;
  const rubric = await api.call('POST', '/api/v1/assessment-rubrics', {
    token: world.tokens.operator,
    body: { name: '炸弹', aspects: [{ key: 'a', name: '资料', items: [{ key: 'ok', name: '合格', kind: 'pass_fail' }] }] },
  });
  const round = await api.call('POST', '/api/v1/assessments', {
    token: world.tokens.operator,
    body: {
      kind: 'audit',
      title: '导入',
      regionId: world.district.id,
      rubricId: rubric.body.id,
      startsOn: '2026-01-01',
      endsOn: '2026-01-15',
    },
  });
  roundId = round.body.id;
}, 120_000);
afterAll(() => tearDownApiWorld({ database, api }));

/** Sends the file while /healthz is asked every 100 ms; answers the upload's reply, its time and the slowest health check. */
async function whileHealthChecked(send: () => ReturnType<TestApi['call']>) {
  let slowest = 0;
  let failures = 0;
  let going = true;
  const probe = (async () => {
    while (going) {
      const t0 = performance.now();
      const r = await fetch(`${api.base}/healthz`).catch(() => null);
      if (r?.status !== 200) failures++;
      slowest = Math.max(slowest, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const t0 = performance.now();
  const reply = await send();
  const seconds = (performance.now() - t0) / 1000;
  going = false;
  await probe;
  return { reply, seconds, slowest, failures };
}

describe('a spreadsheet bomb', () => {
  it('from a handler is refused before the file is read', async () => {
    const imports = await whileHealthChecked(() =>
      api.call('POST', `/api/v1/import-sources/${sourceId}/runs`, {
        token: world.tokens.handlerA,
        raw: new Uint8Array(rowsBomb),
        headers: xlsx,
      }),
    );
    expect(imports.reply.status).toBe(403);
    expect(imports.seconds).toBeLessThan(3);
    const population = await api.call('POST', `/api/v1/assessments/${roundId}/population?ref=编号`, {
      token: world.tokens.handlerA,
      raw: new Uint8Array(stringBomb),
      headers: xlsx,
    });
    expect([403, 404]).toContain(population.status);
  });

  it('from an admin is refused within seconds, naming the cap, while /healthz keeps answering', async () => {
    const cases: [Buffer, string][] = [
      [rowsBomb, '解压后超过 128 MB'],
      [lyingRowsBomb, '解压后超过 128 MB'],
      [stringBomb, '共享字符串表'],
    ];
    for (const [file, cap] of cases) {
      const run = await whileHealthChecked(() =>
        api.call('POST', `/api/v1/import-sources/${sourceId}/runs?dryRun=true`, {
          token: world.tokens.admin,
          raw: new Uint8Array(file),
          headers: xlsx,
        }),
      );
      expect(run.reply.status, run.reply.text).toBe(413);
      expect(run.reply.body.error.message).toContain(cap);
      expect(run.seconds).toBeLessThan(15);
      expect(run.failures).toBe(0);
      expect(run.slowest).toBeLessThan(1500);
    }
  });

  it('as a round’s population is refused the same way', async () => {
    const run = await whileHealthChecked(() =>
      api.call('POST', `/api/v1/assessments/${roundId}/population?ref=编号`, {
        token: world.tokens.operator,
        raw: new Uint8Array(lyingRowsBomb),
        headers: xlsx,
      }),
    );
    expect(run.reply.status, run.reply.text).toBe(413);
    expect(run.seconds).toBeLessThan(15);
    expect(run.failures).toBe(0);
  });
});

describe('an honest large file', () => {
  it('is read off the request thread and shows its progress while it is read and written', async () => {
    const file = await honestXlsx(5_000);
    const seen: { phase: string; percent: number }[] = [];
    let going = true;
    const poll = (async () => {
      while (going) {
        // The embedded database writes on this process's thread: a poll may meet a connection closed while it wrote.
        const p = await api
          .call('GET', `/api/v1/import-sources/${sourceId}/runs/progress`, { token: world.tokens.admin })
          .catch(() => null);
        if (p?.status === 200 && p.body.phase !== 'idle') seen.push(p.body);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const reply = await api.call('POST', `/api/v1/import-sources/${sourceId}/runs`, {
      token: world.tokens.admin,
      raw: new Uint8Array(file),
      headers: xlsx,
    });
    going = false;
    await poll;
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toMatchObject({ rows: 5_000, imported: 5_000, errors: [] });
    expect(seen.some((p) => p.phase === 'reading')).toBe(true);
    expect(seen.every((p) => p.percent >= 0 && p.percent <= 100)).toBe(true);
    // Nobody else sees the admin's progress; once answered it is idle again.
    expect((await api.call('GET', `/api/v1/import-sources/${sourceId}/runs/progress`, { token: world.tokens.handlerA })).status).toBe(403);
    expect((await api.call('GET', `/api/v1/import-sources/${sourceId}/runs/progress`, { token: world.tokens.admin })).body.phase).toBe(
      'idle',
    );
  }, 180_000);
});

describe('a CSV', () => {
  it('in GBK is read, and a header named twice is refused naming it', async () => {
    const gbk = Buffer.from(
      new Uint8Array([
        // 编号,标题,登记时间,诉求内容 / G-1,路灯,2024-03-01 08:00,路灯不亮 — as Excel on a Chinese Windows saves it
        ...[0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xb1, 0xea, 0xcc, 0xe2, 0x2c, 0xb5, 0xc7, 0xbc, 0xc7, 0xca, 0xb1, 0xbc, 0xe4, 0x2c],
        ...[0xcb, 0xdf, 0xc7, 0xf3, 0xc4, 0xda, 0xc8, 0xdd, 0x0a],
        ...Buffer.from('G-1,'),
        ...[0xc2, 0xb7, 0xb5, 0xc6],
        ...Buffer.from(',2024-03-01 08:00,'),
        ...[0xc2, 0xb7, 0xb5, 0xc6, 0xb2, 0xbb, 0xc1, 0xc1, 0x0a],
      ]),
    );
    const csv = { 'content-type': 'text/csv' };
    const read = await api.call('POST', `/api/v1/import-sources/${sourceId}/runs?dryRun=true`, {
      token: world.tokens.admin,
      raw: new Uint8Array(gbk),
      headers: csv,
    });
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ rows: 1, valid: 1, errors: [] });
    const twice = await api.call('POST', `/api/v1/import-sources/${sourceId}/runs?dryRun=true`, {
      token: world.tokens.admin,
      raw: '编号,标题,登记时间,诉求内容,标题\nG-2,灯,2024-03-01 08:00,不亮,噪音\n',
      headers: csv,
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.message).toContain('表头“标题”出现了不止一次');
  });
});
