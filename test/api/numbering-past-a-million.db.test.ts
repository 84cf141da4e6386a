import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

describe('demand numbers past the millionth demand', () => {
  it('keep every digit of the sequence, so intakes after 1,000,000 do not collide', async () => {
    await database.db.execute(sql`select setval('demand_number_seq', 1000999)`);
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await api.call('POST', '/api/v1/public/demands', {
        body: { content: `路灯不亮 ${i}`, reporterPhone: '13900001111', regionId: world.c1.id },
      });
      expect(r.status, r.text).toBe(201);
      numbers.push(r.body.number);
    }
    expect(new Set(numbers).size).toBe(3);
    expect(numbers.map((n) => n.slice(8))).toEqual(['1001000', '1001001', '1001002']);
  });
});
