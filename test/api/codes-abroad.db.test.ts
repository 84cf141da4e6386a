// Verification codes go to mainland mobiles only, unless an admin allows mobiles beyond the mainland;
// satellite and short numbers are refused either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const ask = (phone: string) => api.call('POST', '/api/v1/public/verification-codes', { body: { phone } });

describe('codes to numbers beyond the mainland', () => {
  it('are refused by default, sent once an admin allows them, and never to satellite or short numbers', async () => {
    const hongKong = '+852 5123 4567';
    const refused = await ask(hongKong);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('中国大陆手机号码');
    expect((await api.call('GET', '/api/v1/settings', { token: world.tokens.admin })).body['sms.codesBeyondMainland']).toBe(false);
    expect(
      (await api.call('PATCH', '/api/v1/settings', { token: world.tokens.operator, body: { 'sms.codesBeyondMainland': true } })).status,
    ).toBe(403);
    const on = await api.call('PATCH', '/api/v1/settings', { token: world.tokens.admin, body: { 'sms.codesBeyondMainland': true } });
    expect(on.status, on.text).toBe(200);
    expect((await ask(hongKong)).status).toBeLessThan(300);
    expect((await ask('13900005555')).status).toBeLessThan(300);
    expect((await ask('+882 1234 5678')).status).toBe(400);
    expect((await ask('12345')).status).toBe(400);
  });
});
