// Sign-in limits fit an office behind one address: only wrong passwords count, per address and per account,
// and an account's attempts take their point before the password is checked, so a burst cannot outrun the limit.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));
afterEach(() => {
  delete process.env.TINGJIAN_TRUST_PROXY;
});

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  api.call('POST', '/api/v1/auth/login', { body: { username, password }, headers });

describe('sign-in limits', () => {
  it('40 staff of one office sign in correctly from one address, all at once: every one gets in', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `clerk${i}`);
    for (const username of names) {
      const r = await api.call('POST', '/api/v1/users', {
        token: world.tokens.admin,
        body: { username, displayName: `窗口 ${username}`, password: 'password-123', roles: [{ role: 'operator', regionId: world.t1.id }] },
      });
      expect(r.status, r.text).toBe(201);
    }
    const statuses = (await Promise.all(names.map((n) => login(n, 'password-123')))).map((r) => r.status);
    expect(statuses).toEqual(Array(40).fill(200));
    // Ten come back after lunch: successes never add up.
    const again = (await Promise.all(names.slice(0, 10).map((n) => login(n, 'password-123')))).map((r) => r.status);
    expect(again).toEqual(Array(10).fill(200));
  }, 180_000);

  it('40 wrong passwords for one account sent at once from 40 addresses: at most 10 are checked, the rest are 429', async () => {
    process.env.TINGJIAN_TRUST_PROXY = '1';
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login('supervisor', `guess-${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` })),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
    // Locked: the right password waits too, until an admin unlocks the account.
    expect((await login('supervisor', 'password-123', { 'x-forwarded-for': '203.0.113.99' })).status).toBe(429);
    await api.call('POST', `/api/v1/users/${world.actors.supervisor.userId}/unlock`, { token: world.tokens.admin });
    expect((await login('supervisor', 'password-123', { 'x-forwarded-for': '203.0.113.99' })).status).toBe(200);
  });

  it('an address stops after 30 wrong passwords; behind a trusted proxy, the address is the one the proxy saw', async () => {
    process.env.TINGJIAN_TRUST_PROXY = '1';
    const guesser = { 'x-forwarded-for': '198.51.100.7' };
    const statuses: number[] = [];
    // Three wrong passwords each for 11 accounts: no account reaches its limit, the address does.
    for (let i = 0; i < 33; i++) statuses.push((await login(`clerk${i % 11}`, `guess-${i}`, guesser)).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
    expect(statuses.slice(30)).toEqual([429, 429, 429]);
    const refused = await login('clerk20', 'password-123', guesser);
    expect(refused.status).toBe(429);
    expect(refused.body.error.details).toMatchObject({ limit: 'address' });
    // A client cannot claim another address: the proxy's own entry is the last one, and that is what counts.
    expect((await login('clerk20', 'password-123', { 'x-forwarded-for': '198.51.100.8, 198.51.100.7' })).status).toBe(429);
    expect((await login('clerk20', 'password-123', { 'x-forwarded-for': '198.51.100.7, 192.0.2.1' })).status).toBe(200);
    // Without the trust setting the header is ignored: every request above came from 127.0.0.1, which failed none.
    delete process.env.TINGJIAN_TRUST_PROXY;
    expect((await login('clerk20', 'password-123', guesser)).status).toBe(200);
  });

  it('made-up names from an office’s address lock out only those who never signed in from it', async () => {
    process.env.TINGJIAN_TRUST_PROXY = '1';
    const office = { 'x-forwarded-for': '198.51.100.50' };
    expect((await login('clerk21', 'password-123', office)).status).toBe(200);
    for (let i = 0; i < 31; i++) await login(`nobody${i}`, 'wrong', office);
    expect((await login('clerk22', 'password-123', office)).body.error.details).toMatchObject({ limit: 'address' });
    expect((await login('clerk21', 'password-123', office)).status).toBe(200);
    // A known pair still has its account's own limit: wrong passwords for it are counted and refused as before.
    expect((await login('clerk21', 'wrong', office)).status).toBe(401);
  });
});
