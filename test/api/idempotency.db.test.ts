import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

describe('idempotency keys belong to their caller and their request', () => {
  it('a public key reused with another body is refused and reveals nothing; the same body gets the first answer', async () => {
    const first = await api.call('POST', '/api/v1/public/demands', {
      body: { content: '我家楼下路灯坏了，张阿姨', reporterPhone: '13900001111', regionId: world.c1.id, idempotencyKey: 'shared-key-0001' },
    });
    expect(first.status).toBe(201);
    const other = await api.call('POST', '/api/v1/public/demands', {
      body: { content: '别的事情', reporterPhone: '13900002222', regionId: world.c3.id, idempotencyKey: 'shared-key-0001' },
    });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency.mismatch');
    expect(other.text).not.toMatch(/张阿姨|路灯|13900001111|\d{14}/);
    const again = await api.call('POST', '/api/v1/public/demands', {
      body: { content: '我家楼下路灯坏了，张阿姨', reporterPhone: '13900001111', regionId: world.c1.id, idempotencyKey: 'shared-key-0001' },
    });
    expect([again.status, again.body.number]).toEqual([200, first.body.number]);
  });

  it('a staff member’s key does not answer a resident, nor another staff member', async () => {
    const body = { content: '井盖缺失', reporterPhone: '13900003333', regionId: world.c1.id, idempotencyKey: 'staff-key-0001' };
    const staff = await api.call('POST', '/api/v1/demands', { token: world.tokens.operator, body });
    expect(staff.status).toBe(201);
    const resident = await api.call('POST', '/api/v1/public/demands', {
      body: { content: '井盖缺失', reporterPhone: '13900003333', regionId: world.c1.id, idempotencyKey: 'staff-key-0001' },
    });
    expect(resident.status).toBe(201);
    expect(resident.body.number).not.toBe(staff.body.number);
    const changed = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { ...body, content: '井盖缺失，已有人受伤' },
    });
    expect(changed.body.error.code).toBe('idempotency.mismatch');
  });

  it('a reception-day entry resent with a different body is refused, not silently taken as the first', async () => {
    const session = await api.call('POST', '/api/v1/reception-days', {
      token: world.tokens.operator,
      body: {
        title: '接待日',
        regionId: world.c1.id,
        hosts: '书记',
        place: '社区',
        startsAt: worldStart.toISOString(),
        endsAt: new Date(worldStart.getTime() + 3_600_000).toISOString(),
      },
    });
    const entry = { content: '跑道破损', reporterContact: '网格员', regionId: world.c1.id, idempotencyKey: 'table-key-0001' };
    expect(
      (await api.call('POST', `/api/v1/reception-days/${session.body.id}/entries`, { token: world.tokens.operator, body: entry })).status,
    ).toBe(201);
    const different = await api.call('POST', `/api/v1/reception-days/${session.body.id}/entries`, {
      token: world.tokens.operator,
      body: { ...entry, content: '路灯太少' },
    });
    expect(different.status).toBe(422);
  });
});
