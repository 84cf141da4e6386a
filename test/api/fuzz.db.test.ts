import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

type Operation = {
  parameters?: { name: string; in: 'path' | 'query' }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, { type?: string }> } }> };
};

const oddIds = ['0', '-1', '2147483648', '3000000000', '99999999999999999999', 'abc', '%00', '1.5'];
const oddValues = ['%00', '2147483648', '99999999999', '-1', '0000-01-01T00:00:00Z', '9999-12', '0000-01', 'x'.repeat(300)];
const oddStrings = ['a\u0000b', '\ud800', 'x'.repeat(20_000), 2147483648, 1e308, -1, [], {}, null];

describe('the OpenAPI fuzz: malformed input never gets a 5xx', () => {
  it('a calendar CSV with the same day twice is a 400 that names the day, and nothing is saved', async () => {
    const r = await api.call('POST', '/api/v1/calendar/import', {
      token: world.tokens.admin,
      raw: 'day,kind,note\n2030-05-01,休,劳动节\n2030-05-01,班,调休',
      headers: { 'content-type': 'text/csv' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('2030-05-01');
    expect((await api.call('GET', '/api/v1/calendar/days')).body.items).toEqual([]);
  });

  // Last: the fuzz acts as an admin too (it revokes tokens, disables users) and leaves the world changed.
  it('every operation, without and with an admin token, answers odd ids, queries and bodies with a 4xx', async () => {
    const doc = (await api.call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    const failures: string[] = [];
    let sent = 0;
    // One operation's odd requests go out a dozen at a time (operations one after another): the suite's
    // time budget is a two-core machine, and concurrent odd input is a fair test of its own.
    let pending: Promise<void>[] = [];
    const flush = async () => {
      await Promise.all(pending);
      pending = [];
    };
    const send = async (method: string, path: string, init: { token?: string; raw?: string; headers?: Record<string, string> }) => {
      sent++;
      pending.push(
        api.call(method.toUpperCase(), path, init).then((r) => {
          if (r.status >= 500)
            failures.push(`${method.toUpperCase()} ${path} ${init.raw?.slice(0, 80) ?? ''} → ${r.status} ${r.text.slice(0, 120)}`);
        }),
      );
      if (pending.length >= 12) await flush();
    };
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const fill = (id: string) => template.replace(/\{\w+\}/g, id);
        const json = { 'content-type': 'application/json' };
        for (const token of [undefined, world.tokens.admin]) {
          const body = method === 'get' ? {} : { raw: '{}', headers: json };
          for (const id of template.includes('{') ? oddIds : []) await send(method, fill(id), { token, ...body });
          for (const q of (op.parameters ?? []).filter((p) => p.in === 'query')) {
            for (const v of oddValues)
              await send(method, `${fill('1')}?${q.name}=${encodeURIComponent(v).replace('%2500', '%00')}`, { token });
          }
          const props = Object.keys(op.requestBody?.content['application/json']?.schema.properties ?? {});
          if (method === 'get') {
            await flush();
            continue;
          }
          for (const raw of ['{', '[]', '"x"', '{"a":1}']) await send(method, fill('1'), { token, raw, headers: json });
          for (const prop of props) {
            for (const value of oddStrings) await send(method, fill('1'), { token, raw: JSON.stringify({ [prop]: value }), headers: json });
          }
          if (template.endsWith('/attachments')) {
            for (const name of ['%00.jpg', '100%.jpg', '%E0%A4%A.jpg']) {
              await send(method, fill('1'), { token, raw: '\u0089PNG', headers: { 'content-type': 'image/png', 'x-filename': name } });
            }
          }
          await flush();
        }
      }
    }
    await flush();
    expect(sent).toBeGreaterThan(1500);
    expect(failures).toEqual([]);
    // Thousands of requests: bounded, but slow on a loaded two-core machine.
  }, 180_000);
});
