// Residents behind one address (a community centre's Wi-Fi, a carrier's NAT) read the public pages far more often
// than they submit: page loads have their own, far looser budget, and running out of either is "请求太频繁，请稍后再试".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

// The stored limits as an installation ships them: no override of either.
beforeAll(async () => ({ database, world, api } = await setUpApiWorld(undefined, { publicRateLimit: undefined })));
afterAll(() => tearDownApiWorld({ database, api }));

describe('public read and write limits', () => {
  it('lets one address load 办理公开 far more often than it may submit, and says 请稍后再试 when either runs out', async () => {
    const settings = (await api.call('GET', '/api/v1/settings', { token: world.tokens.admin })).body;
    expect(settings['public.rateLimitPerMinute']).toBe(30);
    expect(settings['public.readRateLimitPerMinute']).toBeGreaterThanOrEqual(20 * settings['public.rateLimitPerMinute']);

    // 31 lookups (submissions of the demands group) from one address: the 31st is refused.
    const lookups = [];
    for (let i = 0; i < 31; i++) {
      lookups.push(
        (await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: '20261118000000', phone: '13900000000' } })).status,
      );
    }
    expect(lookups.slice(0, 30).every((s) => s === 404)).toBe(true);
    const refused = await api.call('POST', '/api/v1/public/demands/lookup', { body: { number: '20261118000000', phone: '13900000000' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toBe('请求太频繁，请稍后再试。');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    // The same address still reads: 100 loads of 办理公开 and the course list in the same minute.
    for (let i = 0; i < 50; i++) {
      expect((await api.call('GET', '/api/v1/public/demands?pageSize=20')).status).toBe(200);
      expect((await api.call('GET', '/api/v1/public/courses')).status).toBe(200);
    }

    // The read budget is the admin's to set, and it runs out too, with the same words.
    const patched = await api.call('PATCH', '/api/v1/settings', {
      token: world.tokens.admin,
      body: { 'public.readRateLimitPerMinute': 3 },
    });
    expect(patched.status, patched.text).toBe(200);
    const reads = [];
    for (let i = 0; i < 4; i++) reads.push(await api.call('GET', '/api/v1/public/demands'));
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(reads[3].body.error.message).toBe('请求太频繁，请稍后再试。');

    // Open311's reads draw on the same budget of the address, refused in the spec's own error list.
    const open311 = await api.call('GET', '/open311/v2/requests.json');
    expect(open311.status).toBe(429);
    expect(open311.body).toEqual([{ code: 429, description: expect.stringMatching(/too many/i) }]);
    expect(Number(open311.headers.get('retry-after'))).toBeGreaterThan(0);
    const xml = await api.call('GET', '/open311/v2/services.xml');
    expect(xml.status).toBe(429);
    expect(xml.text).toContain('<code>429</code>');
  });
});
