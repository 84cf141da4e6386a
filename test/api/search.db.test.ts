// Search as an operator types it: any two or more characters of a title or content (through the bigram
// index), one character, the demand number exactly — in the caller's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import { countingDb, type TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
const numbers: Record<string, string> = {};

beforeAll(async () => {
  ({ database, world, api } = await setUpApiWorld());
  for (const [key, content] of [
    ['lamp', '滨河路路灯不亮已经一周，晚上很黑'],
    ['noise', 'A2区广场舞噪音扰民，晚上十点还在跳'],
    ['quote', "物业说'下周修'，一直没修"],
    ['rare', '𠮷祥路口占道经营'],
  ]) {
    const r = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content, reporterPhone: '13800001234', regionId: world.c1.id, categoryId: world.lights.id },
    });
    expect(r.status, r.text).toBe(201);
    numbers[key] = r.body.number;
  }
});
afterAll(() => tearDownApiWorld({ database, api }));

const find = async (q: string, token = world.tokens.operator) =>
  (await api.call('GET', `/api/v1/demands?q=${encodeURIComponent(q)}`, { token })).body.items.map((d: { number: string }) => d.number);

describe('search', () => {
  it.each([
    ['路灯', ['lamp']],
    ['灯不亮', ['lamp']],
    ['路灯不亮已经', ['lamp']],
    ['a2区', ['noise']],
    ['广场舞噪音', ['noise']],
    ['晚上', ['noise', 'lamp']],
    ['灯', ['lamp']],
    ["'下周修'", ['quote']],
    ['路灯坏了', []],
    ['噪音路灯', []],
    ['𠮷', ['rare']],
    ['𠮷祥', ['rare']],
  ])('%j finds %j', async (q, keys) => {
    expect((await find(q)).sort()).toEqual(keys.map((k) => numbers[k]).sort());
  });

  it('finds a demand by its number exactly, and not through its digits elsewhere', async () => {
    expect(await find(numbers.noise)).toEqual([numbers.noise]);
    expect(await find(numbers.noise.slice(0, 10))).toEqual([]);
  });

  it('stays inside the caller’s scope', async () => {
    expect(await find('路灯', world.tokens.handlerB)).toEqual([]);
  });
});

describe('a common word among many demands', () => {
  it('finds a demand by its number in one page and one count, without the newest windows a word needs', async () => {
    const { listDemands } = await import('../../src/modules/demands/queries/list-demands.js');
    const { db, statements } = countingDb(database);
    const filter = { q: numbers.lamp, page: 1, pageSize: 20, sort: 'newest' as const, format: 'json' as const };
    const found = await listDemands(db, world.actors.operator, filter, worldStart, 10_000, [1, 2]);
    expect(found.items.map((d) => d.number)).toEqual([numbers.lamp]);
    expect(found.total).toBe(1);
    expect(statements).toHaveLength(2);
  });

  it('pages newest first the same through the newest windows as over everything', async () => {
    const { listDemands } = await import('../../src/modules/demands/queries/list-demands.js');
    for (let i = 0; i < 12; i++) {
      const content = i % 3 === 0 ? `第${i}号楼前路灯不亮` : `第${i}号楼下水道堵塞`;
      const r = await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: { content, reporterPhone: '13800001234', regionId: world.c1.id, categoryId: world.lights.id },
      });
      expect(r.status, r.text).toBe(201);
    }
    const now = worldStart;
    const filter = { q: '路灯', page: 1, pageSize: 2, sort: 'newest' as const, format: 'json' as const };
    const ids = async (f: typeof filter, windows: number[]) =>
      (await listDemands(database.db, world.actors.operator, f, now, 10_000, windows)).items.map((d) => d.id);
    for (const page of [1, 2, 3]) {
      const f = { ...filter, page };
      const everything = await ids(f, []);
      // Windows of the newest 3 and 8 demands: the first holds page 1 only, later pages widen.
      expect(await ids(f, [3, 8])).toEqual(everything);
    }
    expect(await ids({ ...filter, page: 3 }, [3, 8])).toHaveLength(1);
    const all = await listDemands(database.db, world.actors.operator, { ...filter, pageSize: 100 }, now);
    expect(all.total).toBe(5);
    expect(all.totalCapped).toBe(false);
    // Counted the same way: past a cap of 1 within the newest 3 is past it over all; a cap of 10 is
    // not reached in any window, and the count goes on over everything.
    const count = async (cap: number, windows: number[]) => {
      const r = await listDemands(database.db, world.actors.operator, filter, now, cap, windows);
      return { total: r.total, totalCapped: r.totalCapped };
    };
    expect(await count(1, [3, 8])).toEqual({ total: 1, totalCapped: true });
    expect(await count(1, [3, 8])).toEqual(await count(1, []));
    expect(await count(10, [3, 8])).toEqual({ total: 5, totalCapped: false });
  });
});
