// What a resident's submission answers is what their lookup shows a moment later: the intake presents the demand it
// registered from the row it wrote (no second read), and a replay of the same submission reads it as it stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

describe('the public intake’s answer', () => {
  it('is the view the lookup gives, for a complaint and for a suggestion', async () => {
    for (const [key, type] of [
      ['view-key-0001', 'complaint'],
      ['view-key-0002', 'suggestion'],
    ] as const) {
      const body = { content: '小区门口路灯不亮', reporterPhone: '13900004444', regionId: world.c1.id, idempotencyKey: key, type };
      const created = await api.call('POST', '/api/v1/public/demands', { body });
      expect(created.status, created.text).toBe(201);
      const looked = await api.call('POST', '/api/v1/public/demands/lookup', {
        body: { number: created.body.number, phone: '13900004444' },
      });
      expect(looked.status).toBe(200);
      expect(created.body.demand).toEqual(looked.body);
      expect(created.body.demand.region).not.toBe('');
      expect(created.body.demand.type).toBe(type);
      const replay = await api.call('POST', '/api/v1/public/demands', { body });
      expect(replay.status).toBe(200);
      expect(replay.body.demand).toEqual(looked.body);
    }
  });
});
