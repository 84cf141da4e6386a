// Open311 GeoReport v2: all six methods in JSON and XML, posting with an admin-issued key (form-encoded,
// the spec's own example fields), the spec's error lists, per-key limits, and nothing personal in GETs.
import http from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
let apiKey: string;
let keyId: number;
const xml = new XMLParser({ parseTagValue: false });

beforeAll(async () => {
  ({ database, world, api } = await setUpApiWorld(worldStart, { open311PerKeyPerMinute: 12 }));
  const issued = await api.call('POST', '/api/v1/open311/keys', {
    token: world.tokens.admin,
    body: { name: '城市随手拍', regionId: world.t1.id },
  });
  expect(issued.status, issued.text).toBe(201);
  ({ apiKey, id: keyId } = issued.body);
});
afterAll(() => tearDownApiWorld({ database, api }));

const form = (fields: Record<string, string>) => ({
  raw: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

// The spec's example POST (wiki.open311.org/GeoReport_v2#POST_Service_Request), with our service and key.
const specExample = () => ({
  api_key: apiKey,
  jurisdiction_id: 'city.gov',
  service_code: String(world.lights.id),
  lat: '37.76524078',
  long: '-122.4212043',
  address_string: '1234 5th street',
  email: 'smit222@sfgov.edu',
  device_id: 'tt222111',
  account_id: '123456',
  first_name: 'john',
  last_name: 'smith',
  phone: '111111111',
  description: 'A large sinkhole is destroying the street; call me on 13812345678',
  media_url: 'http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg',
});

describe('Open311 GeoReport v2', () => {
  let number: string;
  let token: string;

  it('discovery, in JSON and XML', async () => {
    const json = await api.call('GET', '/open311/v2/discovery.json');
    expect(json.status).toBe(200);
    expect(json.body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
    const x = await api.call('GET', '/open311/v2/discovery.xml');
    expect(x.headers.get('content-type')).toContain('text/xml');
    expect(x.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml.parse(x.text).discovery.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('services and a service definition, in JSON and XML', async () => {
    const json = await api.call('GET', '/open311/v2/services.json');
    const lights = json.body.find((s: { service_code: string }) => s.service_code === String(world.lights.id));
    expect(lights).toMatchObject({ service_name: '城市公共设施', metadata: true, type: 'realtime', group: '城乡建设' });
    const x = xml.parse((await api.call('GET', '/open311/v2/services.xml')).text);
    expect(x.services.service.length).toBe(json.body.length);

    const def = await api.call('GET', `/open311/v2/services/${world.lights.id}.json`);
    expect(def.body.attributes.map((a: { code: string }) => a.code)).toEqual(['urgency', 'type']);
    const defX = xml.parse((await api.call('GET', `/open311/v2/services/${world.lights.id}.xml`)).text);
    expect(defX.service_definition.attributes.attribute[0].values.value.map((v: { key: string }) => v.key)).toEqual([
      'emergency',
      'normal',
    ]);
    const missing = await api.call('GET', '/open311/v2/services/999999.xml');
    expect(missing.status).toBe(404);
    expect(xml.parse(missing.text).errors.error).toEqual({ code: '404', description: 'service_code not found' });
  });

  it('POST requests: the spec’s example becomes a demand on the api channel', async () => {
    const posted = await api.call('POST', '/open311/v2/requests.json', form(specExample()));
    expect(posted.status, posted.text).toBe(201);
    ({ service_request_id: number, token } = posted.body[0]);
    expect(number).toMatch(/^\d{14}$/);
    const staff = (await api.call('GET', `/api/v1/demands?q=${number}`, { token: world.tokens.operator })).body.items[0];
    expect(staff).toMatchObject({
      channel: 'api',
      reporterName: 'john smith',
      reporterPhone: '111111111',
      category: { id: world.lights.id },
    });
    expect(staff.region.id).toBe(world.t1.id);

    const inXml = await api.call(
      'POST',
      '/open311/v2/requests.xml',
      form({ ...specExample(), address_id: 'D1a', 'attribute[urgency]': 'emergency' }),
    );
    expect(inXml.status, inXml.text).toBe(201);
    const req = xml.parse(inXml.text).service_requests.request;
    const second = (await api.call('GET', `/api/v1/demands?q=${req.service_request_id}`, { token: world.tokens.operator })).body.items[0];
    expect(second).toMatchObject({ urgency: 'emergency', region: { id: world.c1.id } });
  });

  it('tokens resolve to the request id, in JSON and XML', async () => {
    expect((await api.call('GET', `/open311/v2/tokens/${token}.json`)).body).toEqual([{ service_request_id: number, token }]);
    expect(xml.parse((await api.call('GET', `/open311/v2/tokens/${token}.xml`)).text).service_requests.request.service_request_id).toBe(
      number,
    );
    expect((await api.call('GET', '/open311/v2/tokens/000000000000000000000000.json')).status).toBe(404);
  });

  it('GET one request and the list, open then closed, with no personal data', async () => {
    const one = await api.call('GET', `/open311/v2/requests/${number}.json`);
    expect(one.body[0]).toMatchObject({
      service_request_id: number,
      status: 'open',
      service_code: String(world.lights.id),
      lat: 37.765,
      long: -122.421,
    });
    expect(one.body[0].media_url).toContain('flickr');
    for (const text of [one.text, (await api.call('GET', '/open311/v2/requests.xml')).text]) {
      expect(text).not.toMatch(/13812345678|111111111|smith|john|sfgov|1234 5th/);
    }
    expect(one.body[0].description).toContain('138****5678');

    const id = (await api.call('GET', `/api/v1/demands?q=${number}`, { token: world.tokens.operator })).body.items[0].id;
    for (const [path, tok, body] of [
      ['dispatch', world.tokens.dispatcher, { unitId: world.deptA.id }],
      ['acknowledge', world.tokens.handlerA, {}],
      ['reply', world.tokens.handlerA, { reply: '已派人填平坑洞。' }],
      ['callback', world.tokens.operator, { satisfaction: 'satisfied', solved: true }],
      ['close', world.tokens.operator, {}],
    ] as const) {
      const r = await api.call('POST', `/api/v1/demands/${id}/${path}`, { token: tok, body });
      expect(r.status, `${path}: ${r.text}`).toBe(200);
    }
    const closed = await api.call('GET', `/open311/v2/requests.json?service_request_id=${number}&status=closed`);
    expect(closed.body).toMatchObject([
      { service_request_id: number, status: 'closed', status_notes: '已派人填平坑洞。', agency_responsible: '区城市管理局' },
    ]);
    // The spec: service_request_id overrides all other arguments, status among them.
    expect((await api.call('GET', `/open311/v2/requests.json?service_request_id=${number}&status=open`)).body).toMatchObject([
      { status: 'closed' },
    ]);
    const listX = xml.parse((await api.call('GET', `/open311/v2/requests.xml?service_code=${world.lights.id}&page_size=1&page=1`)).text);
    expect(listX.service_requests.request.service_request_id).toMatch(/^\d{14}$/);
    const old = await api.call('GET', '/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-03-01T00:00:00Z');
    expect(old.body).toEqual([]);
  });

  it('lists answered demands and posted ones not answered yet in one order, newest first, the same page by page', async () => {
    const key = (
      await api.call('POST', '/api/v1/open311/keys', { token: world.tokens.admin, body: { name: '分页', regionId: world.t1.id } })
    ).body.apiKey;
    const posted: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const fields = {
        api_key: key,
        service_code: String(world.lights.id),
        lat: '37.76',
        long: '-122.42',
        description: `第${n}处路灯不亮`,
      };
      const r = await api.call('POST', '/open311/v2/requests.json', form(fields));
      expect(r.status, r.text).toBe(201);
      posted.push(r.body[0].service_request_id);
    }
    // The first and third are answered; the second and fourth stay as posted.
    for (const n of [posted[0], posted[2]]) {
      const id = (await api.call('GET', `/api/v1/demands?q=${n}`, { token: world.tokens.operator })).body.items[0].id;
      for (const [path, tok, body] of [
        ['dispatch', world.tokens.dispatcher, { unitId: world.deptA.id }],
        ['acknowledge', world.tokens.handlerA, {}],
        ['reply', world.tokens.handlerA, { reply: '已修复。' }],
      ] as const) {
        expect((await api.call('POST', `/api/v1/demands/${id}/${path}`, { token: tok, body })).status).toBe(200);
      }
    }
    const whole = (await api.call('GET', '/open311/v2/requests.json')).body as { service_request_id: string; status: string }[];
    const mine = whole.filter((r) => posted.includes(r.service_request_id));
    expect(mine.map((r) => r.service_request_id)).toEqual([...posted].reverse());
    for (const size of [1, 2, 3]) {
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(whole.length / size) + 1; page++) {
        const r = await api.call('GET', `/open311/v2/requests.json?page_size=${size}&page=${page}`);
        paged.push(...(r.body as { service_request_id: string }[]).map((x) => x.service_request_id));
      }
      expect(paged, `page_size=${size}`).toEqual(whole.map((r) => r.service_request_id));
    }
  });

  it('answers mistakes with the spec’s error list, in the format asked for', async () => {
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ ...specExample(), api_key: 'wrong' }, 403, /api_key/],
      [{ ...specExample(), api_key: '' }, 403, /api_key is required/],
      [{ ...specExample(), service_code: '424242' }, 400, /service_code not found/],
      [{ ...specExample(), lat: '', long: '', address_string: '', address_id: '' }, 400, /location is required/],
      [{ ...specExample(), description: ' ' }, 400, /description is required/],
      [{ ...specExample(), lat: '123', long: '1' }, 400, /lat out of range/],
      [{ ...specExample(), address_id: 'nowhere' }, 400, /address_id not found/],
      [{ ...specExample(), media_url: 'javascript:alert(1)' }, 400, /media_url/],
    ];
    for (const [fields, status, message] of cases) {
      const r = await api.call('POST', '/open311/v2/requests.json', form(fields));
      expect(r.status, JSON.stringify(fields)).toBe(status);
      expect(r.body[0].code).toBe(status);
      expect(r.body[0].description).toMatch(message);
    }
    const x = await api.call('POST', '/open311/v2/requests.xml', form({ ...specExample(), api_key: 'wrong' }));
    expect(xml.parse(x.text).errors.error.code).toBe('403');
    expect((await api.call('GET', '/open311/v2/requests.json?start_date=yesterday')).status).toBe(400);
    expect((await api.call('GET', '/open311/v2/requests.json?status=pending')).body[0].description).toMatch(/open or closed/);
    expect((await api.call('GET', '/open311/v2/requests.yaml')).status).toBe(404);
  });

  it('limits each key, and a revoked key posts no more', async () => {
    let limited = 0;
    for (let i = 0; i < 14; i++) {
      const r = await api.call('POST', '/open311/v2/requests.json', form({ ...specExample(), description: `第${i}处井盖松动` }));
      if (r.status === 429) {
        limited++;
        expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
      }
    }
    expect(limited).toBeGreaterThan(0);
    expect((await api.call('POST', `/api/v1/open311/keys/${keyId}/revoke`, { token: world.tokens.operator })).status).toBe(403);
    expect((await api.call('POST', `/api/v1/open311/keys/${keyId}/revoke`, { token: world.tokens.admin })).status).toBe(200);
    const after = await api.call('POST', '/open311/v2/requests.json', form(specExample()));
    expect(after.status).toBe(403);
    const keys = await api.call('GET', '/api/v1/open311/keys', { token: world.tokens.admin });
    expect(keys.body.items[0]).toMatchObject({ name: '城市随手拍', revokedAt: expect.any(String) });
    expect(keys.text).not.toContain(apiKey);
  });
});

/** Sends `total` bytes of `type` in 1 MB pieces, as fast as the socket takes them; answers the status and the bytes written. */
function postHuge(path: string, type: string, total: number, declareLength: boolean): Promise<{ status: number; written: number }> {
  const url = new URL(api.base);
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: { 'content-type': type, ...(declareLength ? { 'content-length': total } : {}) },
      },
      (res) => {
        answered = true;
        res.resume();
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode!, written });
        });
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => (answered || e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    const piece = Buffer.alloc(1024 * 1024, 'a');
    const pump = () => {
      while (!answered && written < total) {
        written += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('Open311 passes the API’s gates', () => {
  let key: string;
  beforeAll(async () => {
    const issued = await api.call('POST', '/api/v1/open311/keys', {
      token: world.tokens.admin,
      body: { name: '网格通', regionId: world.t1.id },
    });
    key = issued.body.apiKey;
  });

  it('refuses control characters and broken characters in any field with a 400 naming it, and stores nothing', async () => {
    const before = (await api.call('GET', '/open311/v2/requests.json')).body.length;
    for (const field of ['description', 'address_string', 'first_name', 'email', 'media_url']) {
      for (const bad of ['\u0000', '\u001b[31m']) {
        const value = field === 'media_url' ? `http://example.org/a${bad}.jpg` : `井盖${bad}松动`;
        const r = await api.call('POST', '/open311/v2/requests.json', form({ ...specExample(), api_key: key, [field]: value }));
        expect(r.status, `${field} ${JSON.stringify(bad)} ${r.text}`).toBe(400);
        expect(r.body[0]).toEqual({ code: 400, description: expect.stringContaining(field) });
      }
    }
    // Half a surrogate pair, as the bytes a broken client sends, in a form and in multipart.
    const raw = `${new URLSearchParams({ ...specExample(), api_key: key, description: 'x' })}`.replace(
      'description=x',
      'description=%ED%A0%80',
    );
    const half = await api.call('POST', '/open311/v2/requests.json', {
      raw,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(half.status, half.text).toBe(400);
    const multipart = new FormData();
    for (const [k, v] of Object.entries({ ...specExample(), api_key: key, first_name: 'a\u0000b' })) multipart.append(k, v);
    const m = await api.call('POST', '/open311/v2/requests.xml', { raw: multipart });
    expect(m.status, m.text).toBe(400);
    expect(xml.parse(m.text).errors.error.description).toContain('first_name');
    expect((await api.call('GET', '/open311/v2/requests.json')).body.length).toBe(before);
    const ok = await api.call(
      'POST',
      '/open311/v2/requests.json',
      form({ ...specExample(), api_key: key, description: '井盖\t松动\r\n请尽快处理' }),
    );
    expect(ok.status, ok.text).toBe(201);
  });

  it('refuses a 100 MB multipart and a 50 MB form with a 413 before reading them', async () => {
    const declared = await postHuge('/open311/v2/requests.json', 'multipart/form-data; boundary=x', 100 * 1024 * 1024, true);
    expect(declared.status).toBe(413);
    expect(declared.written).toBeLessThan(20 * 1024 * 1024);
    const streamed = await postHuge('/open311/v2/requests.xml', 'application/x-www-form-urlencoded', 50 * 1024 * 1024, false);
    expect(streamed.status).toBe(413);
    expect(streamed.written).toBeLessThan(20 * 1024 * 1024);
    const r = await api.call('POST', '/open311/v2/requests.json', form({ ...specExample(), api_key: key, description: '路灯不亮' }));
    expect(r.status).toBe(201);
  });
});
