import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/lib/spreadsheet.js';
import { openTestDatabase, type TestDatabase, testContext } from '../db.js';
import { startTestServer } from '../http.js';
import { buildWorld, type World } from '../world.js';

let database: TestDatabase;
let world: World;
let t: ReturnType<typeof testContext>;
let api: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database.db);
  t = testContext(database, new Date('2026-11-02T09:00:00+08:00'));
  api = await startTestServer(t.ctx);
});
afterAll(async () => {
  await api.close();
  await database.drop();
});

describe('working-day calendar administration', () => {
  it('imports a CSV all-or-nothing and the next deadline follows it', async () => {
    const bad = await api.call('POST', '/api/v1/calendar/import', {
      token: world.tokens.admin,
      raw: 'day,kind,note\n2026-11-03,holiday,ok\n2026-13-01,holiday,bad',
      headers: { 'content-type': 'text/csv' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/第 3 行/);
    expect((await api.call('GET', '/api/v1/calendar/days')).body.items).toEqual([]);

    const ok = await api.call('POST', '/api/v1/calendar/import', {
      token: world.tokens.admin,
      raw: 'day,kind,note\n2026-11-03,休,区级活动\n2026-11-07,班,调休',
      headers: { 'content-type': 'text/csv' },
    });
    expect(ok.body.saved).toBe(2);
    // Monday 2 Nov: 1 working day to acknowledge skips Tuesday 3 (holiday) → Wednesday 4.
    const created = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '路灯', reporterPhone: '13800000000', regionId: world.c1.id },
    });
    const d = await api.call('POST', `/api/v1/demands/${created.body.id}/dispatch`, {
      token: world.tokens.dispatcher,
      body: { unitId: world.deptA.id },
    });
    expect(d.body.stageDueAt).toBe(new Date('2026-11-04T23:59:59.999+08:00').toISOString());
    // 7 working days: 4,5,6,7(Sat, adjusted),9,10,11 → 11 Nov.
    expect(d.body.replyDueAt).toBe(new Date('2026-11-11T23:59:59.999+08:00').toISOString());
    expect((await api.call('DELETE', '/api/v1/calendar/days/2026-11-07', { token: world.tokens.admin })).status).toBe(204);
    expect((await api.call('GET', '/api/v1/calendar/days')).body.items.map((x: { day: string }) => x.day)).toEqual(['2026-11-03']);
  });

  it('lets an admin override time limits per category', async () => {
    const put = await api.call('PUT', '/api/v1/time-limits', {
      token: world.tokens.admin,
      body: { rules: [{ stage: 'reply', categoryId: world.lights.id, urgency: null, amount: 3, unit: 'workdays' }] },
    });
    expect(put.status).toBe(200);
    const created = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '路灯', reporterPhone: '13800000000', regionId: world.c1.id, categoryId: world.lights.id },
    });
    const d = await api.call('POST', `/api/v1/demands/${created.body.id}/dispatch`, {
      token: world.tokens.dispatcher,
      body: { unitId: world.deptA.id },
    });
    // 3 working days after Monday 2 Nov, Tuesday 3 being a holiday: 4, 5, 6.
    expect(d.body.replyDueAt).toBe(new Date('2026-11-06T23:59:59.999+08:00').toISOString());
    await api.call('PUT', '/api/v1/time-limits', { token: world.tokens.admin, body: { rules: [] } });
  });
});

describe('三率 over HTTP', () => {
  it('counts a month per unit and ranks only units above the minimum', async () => {
    await api.call('PATCH', '/api/v1/settings', { token: world.tokens.admin, body: { 'rates.minDemands': 2 } });
    const run = async (unitToken: keyof World['tokens'], unitId: number, ackHours: number, satisfaction: string, solved: boolean) => {
      const id = (
        await api.call('POST', '/api/v1/demands', {
          token: world.tokens.operator,
          body: {
            content: '测试三率',
            reporterPhone: '13800000000',
            regionId: world.c1.id,
            categoryId: unitId === world.deptB.id ? world.water.id : world.lights.id,
          },
        })
      ).body.id;
      await api.call('POST', `/api/v1/demands/${id}/dispatch`, { token: world.tokens.dispatcher, body: { unitId } });
      t.advanceHours(ackHours);
      await api.call('POST', `/api/v1/demands/${id}/acknowledge`, { token: world.tokens[unitToken], body: {} });
      await api.call('POST', `/api/v1/demands/${id}/reply`, { token: world.tokens[unitToken], body: { reply: '已办' } });
      await api.call('POST', `/api/v1/demands/${id}/callback`, { token: world.tokens.operator, body: { satisfaction, solved } });
      await api.call('POST', `/api/v1/demands/${id}/close`, { token: world.tokens.operator, body: {} });
    };
    t.setNow(new Date('2026-11-16T09:00:00+08:00'));
    await run('handlerB', world.deptB.id, 1, 'satisfied', true);
    await run('handlerB', world.deptB.id, 1, 'basically_satisfied', true);
    await run('handlerB', world.deptB.id, 100, 'unsatisfied', false); // acknowledged late
    await run('handlerT1', world.t1Gov.id, 1, 'satisfied', true); // one perfect case: not ranked
    const r = await api.call('GET', '/api/v1/rates?month=2026-11', { token: world.tokens.supervisor });
    expect(r.status).toBe(200);
    const b = r.body.units.find((u: { unitId: number }) => u.unitId === world.deptB.id);
    // Water demands run on the utility time limit, which the late-acknowledged one misses.
    expect(b.counts).toEqual({ dispatched: 3, respondedInTime: 2, calledBack: 3, solved: 2, satisfied: 2, closed: 3, closedOnTime: 2 });
    expect(b.rates.responseRate).toBeCloseTo(2 / 3);
    expect(b.rates.satisfactionRate).toBeCloseTo(2 / 3);
    expect(b.rank).toBe(1);
    const t1 = r.body.units.find((u: { unitId: number }) => u.unitId === world.t1Gov.id);
    expect(t1.rates.score).toBe(1);
    expect(t1.rank).toBeNull();
    const csv = await api.call('GET', '/api/v1/rates?month=2026-11&format=csv', { token: world.tokens.supervisor });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text).toContain('区自来水公司');
    // The same table as a workbook, for those who open Excel.
    const xlsx = await fetch(`${api.base}/api/v1/rates?month=2026-11&format=xlsx`, {
      headers: { authorization: `Bearer ${world.tokens.supervisor}` },
    });
    expect(xlsx.headers.get('content-disposition')).toContain('rates-2026-11.xlsx');
    const rows = await readTable('xlsx', Buffer.from(await xlsx.arrayBuffer()).toString('base64'));
    expect(rows.find((row) => row['承办单位'] === '区自来水公司')).toMatchObject({ 派单数: '3', 办结数: '3', 排名: '1' });
    expect((await api.call('GET', '/api/v1/rates?month=2026-13', { token: world.tokens.supervisor })).status).toBe(400);
  });
});

describe('the API describes itself', () => {
  it('serves an OpenAPI 3.1 document generated from the validating schemas', async () => {
    const doc = (await api.call('GET', '/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/demands',
      '/api/v1/demands/{id}/dispatch',
      '/api/v1/public/demands',
      '/api/v1/public/demands/lookup',
      '/api/v1/rates',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const body = doc.paths['/api/v1/public/demands'].post.requestBody.content['application/json'].schema;
    const schema = body.$ref ? doc.components.schemas[body.$ref.split('/').pop()] : body;
    expect(schema.properties.content.maxLength).toBe(5000);
    expect(schema.required).toEqual(expect.arrayContaining(['content', 'reporterPhone', 'regionId']));
  });
});

describe('public rate limit', () => {
  it('answers 429 with Retry-After past the limit', async () => {
    const limited = await startTestServer(t.ctx, { publicRateLimit: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          (await limited.call('POST', '/api/v1/public/demands/lookup', { body: { number: '20991231999999', phone: '13800000000' } }))
            .status,
        );
      }
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
      const last = await limited.call('POST', '/api/v1/public/demands/lookup', {
        body: { number: '20991231999999', phone: '13800000000' },
      });
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last.body.error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
