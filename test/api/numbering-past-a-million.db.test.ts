import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/rows.js';
import { unscrambleSerial } from '../../src/modules/demands/numbering.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

describe('demand numbers past the millionth demand', () => {
  it('stay fourteen digits and do not collide after the 1,000,000th, scrambled with the installation key', async () => {
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
    for (const n of numbers) expect(n).toMatch(/^\d{14}$/);
    const [{ value }] = await queryRows<{ value: string }>(database.db, sql`select value from installation_secrets`);
    expect(value).toMatch(/^[0-9a-f]{64}$/);
    expect(numbers.map((n) => unscrambleSerial(n.slice(8), value))).toEqual([1000, 1001, 1002]);
    // Consecutive intakes do not read as consecutive numbers.
    expect(Number(numbers[1].slice(8)) - Number(numbers[0].slice(8))).not.toBe(1);
  });
});
