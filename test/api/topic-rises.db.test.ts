import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/rows.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

// A rising 一类事 tells its people once: the region's supervisors and the owning unit's handlers get a console
// message (and a text only where the setting says so), written by the refresh that found the rise.

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const intake = async (content: string, reporterPhone: string) => {
  const r = await api.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: { content, reporterPhone, regionId: world.c1.id },
  });
  expect(r.status, r.text).toBe(201);
  return r.body.id as number;
};
const refresh = async () => {
  const r = await api.call('POST', '/api/v1/topics/refresh', { token: world.tokens.supervisor });
  expect(r.status, r.text).toBe(200);
};
const told = (channel: 'console' | 'sms') =>
  queryRows<{ recipient: string; body: string }>(
    database.db,
    sql`select recipient, body from outbox_messages
         where channel = ${channel} and (body like '%一类事%上升%' or template = 'topic_rising') order by recipient`,
  );

describe('a rising topic notifies its people', () => {
  it('tells the region’s supervisors and the unit’s handlers once per rise, by text only when the setting is on', async () => {
    await database.db.execute(sql`update users set phone = '13900000001' where id = ${world.actors.supervisor.userId}`);
    await database.db.execute(sql`update users set phone = '13900000002' where id = ${world.actors.handlerA.userId}`);
    const ids = [
      await intake('丽发新城社区路灯全部不亮，晚上出行很危险', '13800001001'),
      await intake('丽发新城社区路灯坏了不亮，晚上一片漆黑', '13800001002'),
      await intake('丽发新城社区路灯不亮好几天了', '13800001003'),
    ];
    const d = await api.call('POST', `/api/v1/demands/${ids[0]}/dispatch`, {
      token: world.tokens.dispatcher,
      body: { unitId: world.deptA.id },
    });
    expect(d.status, d.text).toBe(200);
    const s = await api.call('PATCH', '/api/v1/settings', { token: world.tokens.admin, body: { 'topics.risingSms': true } });
    expect(s.status, s.text).toBe(200);

    await refresh();
    const topics = await api.call('GET', '/api/v1/topics', { token: world.tokens.supervisor });
    expect(
      topics.body.items.some((x: { rising: boolean }) => x.rising),
      topics.text,
    ).toBe(true);
    const messages = await told('console');
    expect(messages.map((m) => m.recipient)).toEqual([`region:${world.c1.id}:supervisors`, `unit:${world.deptA.id}:handlers`]);
    expect(messages[0].body).toContain('丽发新城');
    expect((await told('sms')).map((m) => m.recipient).sort()).toEqual(['13900000001', '13900000002']);

    // The topic is rebuilt with a new id and still rising: nobody is told again.
    await refresh();
    expect(await told('console')).toHaveLength(2);
    expect(await told('sms')).toHaveLength(2);
  });

  it('sends no text while the setting is off (the default)', async () => {
    await api.call('PATCH', '/api/v1/settings', { token: world.tokens.admin, body: { 'topics.risingSms': false } });
    await database.db.execute(sql`delete from topic_rises`);
    await database.db.execute(sql`delete from outbox_messages where channel in ('console', 'sms')`);
    await refresh();
    expect((await told('console')).length).toBeGreaterThan(0);
    expect(await told('sms')).toEqual([]);
  });
});
