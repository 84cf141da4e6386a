// A resident whose demand was merged into the same one from a neighbour is not left with "merged" and no answer:
// the lookup points to the demand handled for both, its progress and its reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

describe('lookup of a merged demand', () => {
  it('shows the surviving number and its reply, with the other resident masked', async () => {
    const submit = async (name: string, phone: string) =>
      (
        await api.call('POST', '/api/v1/public/demands', {
          body: {
            content: '小区门口路灯坏了一周',
            reporterName: name,
            reporterPhone: phone,
            regionId: world.c1.id,
            type: 'complaint',
            idempotencyKey: `merge-${phone}`,
          },
        })
      ).body;
    const survivor = await submit('王大爷', '13811110001');
    const merged = await submit('李阿姨', '13811110002');
    const [sId, mId] = await Promise.all(
      [survivor.number, merged.number].map(
        async (n: string) => (await api.call('GET', `/api/v1/demands?q=${n}`, { token: world.tokens.operator })).body.items[0].id,
      ),
    );
    expect(
      (await api.call('POST', `/api/v1/demands/${mId}/merge`, { token: world.tokens.dispatcher, body: { intoDemandId: sId } })).status,
    ).toBe(200);
    const before = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: merged.number, phone: '13811110002' } });
    expect(before.body).toMatchObject({ state: 'merged', mergedInto: { number: survivor.number, state: 'registered', replyText: null } });

    await api.call('POST', `/api/v1/demands/${sId}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptA.id } });
    await api.call('POST', `/api/v1/demands/${sId}/acknowledge`, { token: world.tokens.handlerA, body: {} });
    await api.call('POST', `/api/v1/demands/${sId}/reply`, {
      token: world.tokens.handlerA,
      body: { reply: '王大爷您好，路灯已于今日修复，回访电话 13811110001。' },
    });

    const after = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: merged.number, phone: '13811110002' } });
    expect(after.body.mergedInto).toMatchObject({ number: survivor.number, state: 'replied', unit: '区城市管理局' });
    expect(after.body.mergedInto.replyText).toContain('路灯已于今日修复');
    expect(after.text).not.toMatch(/王大爷|13811110001/);
    // The survivor's own resident sees no pointer.
    const own = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: survivor.number, phone: '13811110001' } });
    expect(own.body.mergedInto).toBeNull();
  });
});
