import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import { lastCodeTo } from '../codes.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

/** What the SMS gateway would have delivered: the newest code sent to this phone. */
async function codeFor(phone: string): Promise<string> {
  expect((await api.call('POST', '/api/v1/public/verification-codes', { body: { phone } })).status).toBe(202);
  return lastCodeTo(database.db, phone);
}

describe('提议 and 附议', () => {
  it('one person one second; at the threshold the chair is prompted; duplicates merge; the proposal goes on an agenda', async () => {
    await api.call('PATCH', '/api/v1/settings', { token: world.tokens.admin, body: { 'proposals.secondsThreshold': 3 } });
    const council = await api.call('POST', '/api/v1/councils', {
      token: world.tokens.operator,
      body: {
        regionId: world.c1.id,
        name: '议事会',
        seats: [
          { party: 'party_org', holderName: '李书记', position: 'chair', termStart: '2026-01-01', termEnd: '2028-12-31' },
          { party: 'resident_rep', holderName: '陈大爷', termStart: '2026-01-01', termEnd: '2028-12-31' },
        ],
      },
    });

    const wrong = await api.call('POST', '/api/v1/public/proposals', {
      body: { regionId: world.c1.id, title: '增设休闲座椅', body: '院坝里没有坐的地方', phone: '13800000001', code: '000000' },
    });
    expect(wrong.status).toBe(400);
    const p = await api.call('POST', '/api/v1/public/proposals', {
      body: {
        regionId: world.c1.id,
        title: '增设休闲座椅',
        body: '院坝里没有坐的地方',
        name: '赵阿姨',
        phone: '13800000001',
        code: await codeFor('13800000001'),
      },
    });
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ seconds: 1, status: 'open' });

    const second = (phone: string, code: string) =>
      api.call('POST', `/api/v1/public/proposals/${p.body.id}/seconds`, { body: { phone, code } });
    expect((await second('13800000002', await codeFor('13800000002'))).body.seconds).toBe(2);
    const again = await second('13800000002', await codeFor('13800000002'));
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已经附议过');
    const reached = await second('138 0000 0003', await codeFor('13800000003'));
    expect(reached.body).toMatchObject({ seconds: 3, status: 'threshold_reached' });
    const prompts = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
    expect(prompts[0]).toMatchObject({ channel: 'console', recipient: `council:${council.body.id}:chair:李书记` });
    expect(prompts[0].body).toContain('增设休闲座椅');

    // A duplicate proposal, with one supporter in common and one new: merged, each person counts once.
    const dup = await api.call('POST', '/api/v1/proposals', {
      token: world.tokens.operator,
      body: { regionId: world.c1.id, title: '院坝放几把椅子', body: '老人想坐', phone: '13800000002' },
    });
    await api.call('POST', `/api/v1/proposals/${dup.body.id}/seconds`, { token: world.tokens.operator, body: { phone: '13800000009' } });
    const merged = await api.call('POST', `/api/v1/proposals/${dup.body.id}/merge`, {
      token: world.tokens.operator,
      body: { intoId: p.body.id },
    });
    expect(merged.body.seconds).toBe(4);
    const list = await api.call('GET', `/api/v1/public/proposals?regionId=${world.c1.id}`);
    expect(list.body.items.map((x: { id: number }) => x.id)).toEqual([p.body.id]);
    expect(JSON.stringify(list.body)).not.toContain('13800000001');

    const meeting = await api.call('POST', `/api/v1/councils/${council.body.id}/meetings`, {
      token: world.tokens.operator,
      body: { title: '议事会', place: '会议室', startsAt: worldStart.toISOString() },
    });
    const item = await api.call('POST', `/api/v1/meetings/${meeting.body.id}/agenda-items`, {
      token: world.tokens.operator,
      body: { source: 'proposal', sourceRef: String(p.body.id), title: '增设休闲座椅' },
    });
    expect(item.status).toBe(201);
    expect((await api.call('GET', `/api/v1/public/proposals?regionId=${world.c1.id}`)).body.items[0].status).toBe('on_agenda');
  });
});
