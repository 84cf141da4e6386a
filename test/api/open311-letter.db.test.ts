// Open311 GeoReport v2 to the letter: one test per place we used to read the spec our own way
// (wiki.open311.org/GeoReport_v2, GET requests and POST request).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpApiWorld, type TestApi, tearDownApiWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
let apiKey: string;
const numbers: Record<string, string> = {};

const post = async (fields: Record<string, string>) => {
  const r = await api.call('POST', '/open311/v2/requests.json', {
    raw: new URLSearchParams({ api_key: apiKey, address_id: 'D1a', description: '路灯不亮', ...fields }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(r.status, r.text).toBe(201);
  return r.body[0].service_request_id as string;
};
const get = async (query: string) => {
  const r = await api.call('GET', `/open311/v2/requests.json?${query}`);
  expect(r.status, r.text).toBe(200);
  return (r.body as { service_request_id: string }[]).map((x) => x.service_request_id);
};

beforeAll(async () => {
  ({ database, world, api } = await setUpApiWorld(worldStart));
  apiKey = (
    await api.call('POST', '/api/v1/open311/keys', { token: world.tokens.admin, body: { name: '随手拍', regionId: world.district.id } })
  ).body.apiKey;
  numbers.lights = await post({ service_code: String(world.lights.id) });
  numbers.water = await post({ service_code: String(world.water.id) });
});
afterAll(() => tearDownApiWorld({ database, api }));

describe('Open311 as the spec reads', () => {
  it('service_code takes a comma-delimited list', async () => {
    const both = await get(`service_code=${world.lights.id},${world.water.id}`);
    expect(both).toEqual(expect.arrayContaining([numbers.lights, numbers.water]));
    expect(await get(`service_code=${world.water.id}`)).toEqual([numbers.water]);
    expect((await api.call('GET', '/open311/v2/requests.json?service_code=1,,2')).status).toBe(400);
  });

  it('service_request_id overrides every other argument', async () => {
    const got = await get(
      `service_request_id=${numbers.lights}&service_code=${world.water.id}&status=closed&start_date=2020-01-01T00:00:00Z`,
    );
    expect(got).toEqual([numbers.lights]);
  });

  it('expected_datetime is the promised completion (the reply deadline), not the current step’s', async () => {
    const [before] = (await api.call('GET', `/open311/v2/requests/${numbers.lights}.json`)).body;
    // Waiting to be dispatched: a step deadline exists, no completion is promised yet.
    expect(before.expected_datetime).toBeNull();
    const id = (await api.call('GET', `/api/v1/demands?q=${numbers.lights}`, { token: world.tokens.operator })).body.items[0].id;
    const sent = await api.call('POST', `/api/v1/demands/${id}/dispatch`, {
      token: world.tokens.dispatcher,
      body: { unitId: world.deptA.id },
    });
    expect(sent.status, sent.text).toBe(200);
    const staff = (await api.call('GET', `/api/v1/demands/${id}`, { token: world.tokens.operator })).body;
    expect(staff.replyDueAt).toBeTruthy();
    expect(staff.stageDueAt).not.toBe(staff.replyDueAt);
    const [after] = (await api.call('GET', `/open311/v2/requests/${numbers.lights}.json`)).body;
    expect(after.expected_datetime).toBe(new Date(staff.replyDueAt).toISOString());
  });

  it('address_id and address come back as posted and as resolved', async () => {
    const n = await post({ service_code: String(world.lights.id), address_string: '桂花坪街道丽发新城3栋门口' });
    const [r] = (await api.call('GET', `/open311/v2/requests/${n}.json`)).body;
    expect(r).toMatchObject({ address_id: 'D1a', address: '桂花坪街道丽发新城' });
    const [resolved] = (await api.call('GET', `/open311/v2/requests/${numbers.water}.json`)).body;
    expect(resolved).toMatchObject({ address_id: 'D1a', address: '丽发新城社区' });
  });

  it('date ranges: 90 days by default, a start or an end alone spans 90 days, a longer span is cut at 90', async () => {
    const day = 86_400_000;
    const iso = (ms: number) => new Date(worldStart.getTime() + ms).toISOString();
    expect(await get('')).toContain(numbers.lights);
    expect(await get(`start_date=${iso(-89 * day)}`)).toContain(numbers.lights);
    expect(await get(`start_date=${iso(-91 * day)}`)).not.toContain(numbers.lights);
    expect(await get(`end_date=${iso(day)}`)).toContain(numbers.lights);
    expect(await get(`end_date=${iso(91 * day)}`)).not.toContain(numbers.lights);
    expect(await get(`start_date=${iso(-100 * day)}&end_date=${iso(day)}`)).not.toContain(numbers.lights);
    expect(await get(`start_date=${iso(-80 * day)}&end_date=${iso(day)}`)).toContain(numbers.lights);
    expect((await api.call('GET', `/open311/v2/requests.json?start_date=${iso(day)}&end_date=${iso(-day)}`)).status).toBe(400);
  });

  it('first and last name are kept in the order their writer says them', async () => {
    const latin = await post({ service_code: String(world.lights.id), first_name: 'John', last_name: 'Smith', phone: '13900001111' });
    const han = await post({ service_code: String(world.lights.id), first_name: '小明', last_name: '王', phone: '13900001111' });
    const nameOf = async (n: string) =>
      (await api.call('GET', `/api/v1/demands?q=${n}`, { token: world.tokens.operator })).body.items[0].reporterName as string;
    expect(await nameOf(latin)).toBe('John Smith');
    expect(await nameOf(han)).toBe('王小明');
  });
});
