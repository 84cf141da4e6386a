// Search as an operator types it: any two or more characters of a title or content (through the bigram
// index), one character, the demand number exactly — in the caller's scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
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
