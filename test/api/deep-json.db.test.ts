import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const json = { 'content-type': 'application/json' };
const nestedArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const nestedObjects = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('deeply nested JSON is refused with a 400, never a 500', () => {
  for (const [name, raw] of [
    ['10,000 nested arrays', nestedArrays(10_000)],
    ['10,000 nested objects', nestedObjects(10_000)],
    ['65 nested arrays', nestedArrays(65)],
  ] as const) {
    it(`${name} to an anonymous endpoint and to a staff endpoint`, async () => {
      for (const [path, token] of [
        ['/api/v1/auth/login', undefined],
        ['/api/v1/public/demands', undefined],
        ['/api/v1/demands', world.tokens.operator],
      ] as const) {
        const r = await api.call('POST', path, { token, raw, headers: json });
        expect(r.status, `${path} ${r.text.slice(0, 200)}`).toBe(400);
        expect(r.body.error.message).toMatch(/嵌套|nest/);
      }
    });
  }

  it('64 levels are still read (and refused by the schema, not by the depth cap)', async () => {
    const r = await api.call('POST', '/api/v1/auth/login', { raw: nestedArrays(64), headers: json });
    expect(r.status).toBe(400);
    expect(r.body.error.message).not.toMatch(/嵌套|nest/);
  });
});
