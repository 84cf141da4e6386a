import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { hostileContent, hostileTitle, hugePngHeader, tinyPng, type World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const counts = async () => {
  const rows = (await database.db.execute(
    sql`select (select count(*) from demands)::int as d, (select count(*) from demand_events)::int as e, (select count(*) from attachments)::int as a`,
  )) as unknown as { rows: { d: number; e: number; a: number }[] };
  return rows.rows[0];
};
const valid = () => ({ content: '路灯不亮', reporterPhone: '13812345678', regionId: world.c1.id });

describe('bad input gets a clear 4xx and writes nothing', () => {
  const cases: [string, () => { path: string; body?: unknown; raw?: string; headers?: Record<string, string> }, number, string, RegExp?][] =
    [
      [
        'missing content',
        () => ({ path: '/api/v1/public/demands', body: { ...valid(), content: undefined } }),
        400,
        'request.invalid',
        /content/,
      ],
      [
        'blank content',
        () => ({ path: '/api/v1/public/demands', body: { ...valid(), content: '   ' } }),
        400,
        'request.invalid',
        /不能为空/,
      ],
      [
        'content over 5000 characters is refused, not cut',
        () => ({ path: '/api/v1/public/demands', body: { ...valid(), content: '字'.repeat(5001) } }),
        400,
        'request.invalid',
        /5000/,
      ],
      [
        'region of the wrong type',
        () => ({ path: '/api/v1/public/demands', body: { ...valid(), regionId: 'abc' } }),
        400,
        'request.invalid',
        /regionId：应为数字/,
      ],
      ['unknown region', () => ({ path: '/api/v1/public/demands', body: { ...valid(), regionId: 987654 } }), 422, 'validation.reference'],
      [
        'not a phone number',
        () => ({ path: '/api/v1/public/demands', body: { ...valid(), reporterPhone: 'call me' } }),
        400,
        'request.invalid',
        /电话号码/,
      ],
      ['unknown field', () => ({ path: '/api/v1/public/demands', body: { ...valid(), isAdmin: true } }), 400, 'request.invalid'],
      [
        'malformed JSON',
        () => ({ path: '/api/v1/public/demands', raw: '{"content": "x",', headers: { 'content-type': 'application/json' } }),
        400,
        'request.malformed_json',
      ],
      ['a JSON array instead of an object', () => ({ path: '/api/v1/public/demands', body: [1, 2] }), 400, 'request.invalid'],
      [
        'body over the size limit',
        () => ({
          path: '/api/v1/public/demands',
          raw: JSON.stringify({ ...valid(), content: 'x'.repeat(7 * 1024 * 1024) }),
          headers: { 'content-type': 'application/json' },
        }),
        413,
        'request.too_large',
      ],
    ];
  it.each(cases)('%s', async (_name, make, status, code, message) => {
    const before = await counts();
    const req = make();
    const r = await api.call('POST', req.path, { body: req.body, raw: req.raw, headers: req.headers });
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.message.length).toBeGreaterThan(3);
    if (message) expect(r.body.error.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('says what is wrong in Chinese, and a body of 100,000 unknown keys gets a short answer', async () => {
    const missing = await api.call('POST', '/api/v1/public/demands', { body: { ...valid(), content: undefined } });
    expect(missing.body.error.message).toMatch(/^请求内容有误：content：/);
    expect(missing.body.error.message).not.toMatch(/Invalid input|expected/);
    const keys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 1]));
    const before = await counts();
    const r = await api.call('POST', '/api/v1/public/demands', { body: { ...valid(), ...keys } });
    expect(r.status).toBe(400);
    expect(r.text.length).toBeLessThan(4_000);
    expect(r.body.error.details.fields.length).toBeLessThanOrEqual(10);
    expect(await counts()).toEqual(before);
  });

  it('a body sent as plain text where JSON is due is a 415 that says so in Chinese', async () => {
    const r = await api.call('POST', '/api/v1/public/demands', {
      raw: JSON.stringify({ content: '路灯不亮', regionId: world.c1.id }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(r.status).toBe(415);
    expect(r.body.error.message).toContain('JSON');
    expect(r.body.error.message).toMatch(/请求内容的类型不对/);
  });

  it('an unknown category at staff intake is a 422 and nothing is written', async () => {
    const before = await counts();
    const r = await api.call('POST', '/api/v1/demands', { token: world.tokens.operator, body: { ...valid(), categoryId: 999999 } });
    expect(r.status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['/api/v1/demands?pageSize=100000', 400],
    ['/api/v1/demands?page=0', 400],
    ['/api/v1/demands?state=bogus', 400],
    ['/api/v1/demands?from=yesterday', 400],
    ['/api/v1/demands/abc', 400],
    ['/api/v1/demands/999999999', 404],
    ['/api/v1/no-such-endpoint', 404],
  ])('GET %s → %i', async (path, status) => {
    const r = await api.call('GET', path, { token: world.tokens.admin });
    expect(r.status).toBe(status);
    expect(r.body.error.code).toBeTruthy();
  });

  it('searches with SQL and LIKE metacharacters safely', async () => {
    const created = await api.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { ...valid(), title: hostileTitle, content: hostileContent },
    });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe(hostileTitle);
    expect(created.body.content).toBe(hostileContent);
    for (const q of ["'; drop table demands; --", '100%', '_under_', '\\']) {
      const r = await api.call('GET', `/api/v1/demands?q=${encodeURIComponent(q)}`, { token: world.tokens.admin });
      expect(r.status).toBe(200);
      expect(r.body.items.map((d: { id: number }) => d.id)).toContain(created.body.id);
    }
    const none = await api.call('GET', `/api/v1/demands?q=${encodeURIComponent('%%%不存在%%%')}`, { token: world.tokens.admin });
    expect(none.body.total).toBe(0);
  });

  it('an action on a missing demand is a 404; an action in the wrong state is a 409', async () => {
    expect((await api.call('POST', '/api/v1/demands/999999/dispatch', { token: world.tokens.dispatcher, body: {} })).status).toBe(404);
    const created = await api.call('POST', '/api/v1/demands', { token: world.tokens.operator, body: valid() });
    const r = await api.call('POST', `/api/v1/demands/${created.body.id}/close`, { token: world.tokens.operator, body: {} });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('demand.invalid_transition');
    expect(r.body.error.details).toEqual({ action: 'close', state: 'registered' });
  });

  it('answers in English when asked', async () => {
    const r = await api.call('POST', '/api/v1/public/demands/lookup', {
      body: { number: '20991231999999', phone: '13800000000' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(r.body.error.message).toBe('The number and phone (or query code) do not match.');
  });
});

describe('attachments', () => {
  const png = tinyPng;
  let demandId: number;
  beforeAll(async () => {
    demandId = (await api.call('POST', '/api/v1/demands', { token: world.tokens.operator, body: valid() })).body.id;
  });
  const upload = (data: Buffer, type: string, token = world.tokens.operator) =>
    api.call('POST', `/api/v1/demands/${demandId}/attachments`, {
      token,
      raw: new Uint8Array(data),
      headers: { 'content-type': type, 'x-filename': encodeURIComponent('现场照片.png') },
    });

  it('stores a real image and serves it back to those who may see the demand', async () => {
    const r = await upload(png, 'image/png');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ filename: '现场照片.png', contentType: 'image/png', size: png.length });
    const res = await fetch(`${api.base}/api/v1/attachments/${r.body.id}`, {
      headers: { authorization: `Bearer ${world.tokens.operator}` },
    });
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    const hidden = await api.call('GET', `/api/v1/attachments/${r.body.id}`, { token: world.tokens.handlerB });
    expect(hidden.status).toBe(404);
    // As for a photo that does not exist: the answer does not name the demand it belongs to.
    expect(hidden.body.error.details).toBeUndefined();
  });

  it('keeps a file name on one line, without control or direction characters', async () => {
    const r = await api.call('POST', `/api/v1/demands/${demandId}/attachments`, {
      token: world.tokens.operator,
      raw: new Uint8Array(png),
      headers: { 'content-type': 'image/png', 'x-filename': encodeURIComponent('现场\r\n照片\t\u202Egnp.exe') },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.filename).toBe('现场 照片 gnp.exe');
  });

  it.each([
    ['a script posing as a PNG', Buffer.from('<script>alert(1)</script>'), 'image/png', 415],
    ['a PNG declared as JPEG', png, 'image/jpeg', 415],
    ['a PNG claiming 100,000 × 100,000 pixels', hugePngHeader, 'image/png', 415],
    ['a PDF', Buffer.from('%PDF-1.4 ...'), 'application/pdf', 415],
    ['an empty file', Buffer.alloc(0), 'image/png', 400],
    ['a file over 5 MB', Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), 'image/png', 413],
  ])('refuses %s', async (_name, data, type, status) => {
    const before = await counts();
    expect((await upload(data as Buffer, type as string)).status).toBe(status);
    expect(await counts()).toEqual(before);
  });
});
