// Where: an admin imports the district's boundaries and named places (a report in Chinese for what does
// not fit); then every intake channel — portal, hotline form, SMS, Open311, the city's 12345 — places a
// demand given at the district or a township in its community, from coordinates and from words, and
// never over a community a person chose. Places learned from staff-placed demands count once confirmed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestApi, type TestClock, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startFakeCity } from '../fakes/city12345.js';
import { startFakeSmsProvider } from '../fakes/sms-provider.js';
import { boundaryFile, inside, placeSheet } from '../gazetteer-world.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;
let t: TestClock;
let city: Awaited<ReturnType<typeof startFakeCity>>;
let provider: Awaited<ReturnType<typeof startFakeSmsProvider>>;
let apiKey: string;

beforeAll(async () => {
  ({ database, world, t } = await setUpWorld(new Date('2026-11-23T10:00:00+08:00')));
  api = await startTestServer(t.ctx, {
    publicRateLimit: 0,
    sqlClient: database.sqlClient,
    citySecret: 'city-secret',
    smsSecret: 'sms-secret',
  });
  city = await startFakeCity('city-secret');
  provider = await startFakeSmsProvider('sms-secret');
  const key = await api.call('POST', '/api/v1/open311/keys', {
    token: world.tokens.admin,
    body: { name: '城市随手拍', regionId: world.district.id },
  });
  apiKey = key.body.apiKey;
});
afterAll(async () => {
  await city?.close();
  await provider?.close();
  await tearDownApiWorld({ database, api });
});

const regionOf = async (number: string) => {
  const found = await api.call('GET', `/api/v1/demands?q=${number}`, { token: world.tokens.operator });
  expect(found.body.items, number).toHaveLength(1);
  return found.body.items[0].region.id as number;
};
const eventOf = async (number: string) => {
  const id = (await api.call('GET', `/api/v1/demands?q=${number}`, { token: world.tokens.operator })).body.items[0].id;
  const demand = (await api.call('GET', `/api/v1/demands/${id}`, { token: world.tokens.operator })).body;
  return demand.events[0];
};

describe('the gazetteer', () => {
  it('refuses a boundary file that does not fit, saying what to fix, and saves nothing', async () => {
    const bad = boundaryFile(world);
    // 丽发新城社区 (the fourth feature) loses its closing point.
    bad.features[3].geometry.coordinates[0].pop();
    const r = await api.call('POST', '/api/v1/gazetteer/boundaries', { token: world.tokens.admin, body: { collection: bad } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.saved).toBe(0);
    expect(r.body.problems[0]).toBe('第 4 个要素（D1a）：边界环未闭合：首点 [105, 29] 与末点 [105, 29.2] 不同。');
    expect((await api.call('GET', '/api/v1/gazetteer/boundaries', { token: world.tokens.operator })).body.features).toEqual([]);
    expect(
      (await api.call('POST', '/api/v1/gazetteer/boundaries', { token: world.tokens.operator, body: { collection: boundaryFile(world) } }))
        .status,
    ).toBe(403);
  });

  it('imports the district’s boundaries and its named places', async () => {
    const r = await api.call('POST', '/api/v1/gazetteer/boundaries', {
      token: world.tokens.admin,
      body: { collection: boundaryFile(world), quality: 'schematic' },
    });
    expect(r.body).toEqual({ saved: 6, problems: [], uncovered: [] });
    const map = (await api.call('GET', '/api/v1/gazetteer/boundaries', { token: world.tokens.operator })).body;
    expect(map.schematic).toBe(true);
    expect(map.features.map((f: { properties: { name: string } }) => f.properties.name)).toContain('河坝村');

    const badSheet = await api.call('POST', '/api/v1/gazetteer/places/import', {
      token: world.tokens.admin,
      body: { format: 'csv', data: `${placeSheet}\n某某路,道路,无此社区` },
    });
    expect(badSheet.body).toEqual({ saved: 0, problems: ['第 5 行：社区“无此社区”不存在。'] });
    const sheet = await api.call('POST', '/api/v1/gazetteer/places/import', {
      token: world.tokens.admin,
      body: { format: 'csv', data: placeSheet },
    });
    expect(sheet.body).toEqual({ saved: 3, problems: [] });
    const listed = await api.call('GET', '/api/v1/gazetteer/places', { token: world.tokens.admin });
    expect(listed.body.items.map((p: { name: string; regionName: string }) => `${p.name}@${p.regionName}`).sort()).toEqual(
      ['滨河路@桂花社区', '河坝小学@河坝村', '金色家园@丽发新城社区'].sort(),
    );
  });

  it('suggests the community for the hotline form, from words and from coordinates', async () => {
    const words = await api.call('POST', '/api/v1/gazetteer/suggest', {
      token: world.tokens.operator,
      body: { text: '河坝小学门口的井盖没了' },
    });
    expect(words.body.suggestion).toMatchObject({ regionId: world.c3.id, regionName: '河坝村', by: 'words', match: '河坝小学' });
    const coords = await api.call('POST', '/api/v1/gazetteer/suggest', { token: world.tokens.operator, body: inside.c2 });
    expect(coords.body.suggestion).toMatchObject({ regionId: world.c2.id, by: 'coordinates' });
    expect(
      (await api.call('POST', '/api/v1/gazetteer/suggest', { token: world.tokens.operator, body: { text: '噪音' } })).body.suggestion,
    ).toBeNull();
  });
});

describe('placing at intake, channel by channel', () => {
  it('portal: coordinates and words narrow the district; a community the resident chose stands', async () => {
    const post = async (body: Record<string, unknown>) => {
      const r = await api.call('POST', '/api/v1/public/demands', { body: { content: '路灯不亮', reporterPhone: '13900001111', ...body } });
      expect(r.status, r.text).toBe(201);
      return r.body.number as string;
    };
    expect(await regionOf(await post({ regionId: world.district.id, ...inside.c2 }))).toBe(world.c2.id);
    expect(await regionOf(await post({ regionId: world.district.id, address: '金色家园5栋' }))).toBe(world.c1.id);
    expect(await regionOf(await post({ regionId: world.c1.id, ...inside.c3 }))).toBe(world.c1.id);
    // A township chosen: coordinates outside it do not move the demand out of it.
    expect(await regionOf(await post({ regionId: world.t1.id, ...inside.c3 }))).toBe(world.t1.id);
    const placed = await post({ regionId: world.t1.id, content: '滨河路积水' });
    expect(await regionOf(placed)).toBe(world.c2.id);
    expect((await eventOf(placed)).data).toMatchObject({ placed: { by: 'words', match: '滨河路', from: world.t1.id } });
  });

  it('hotline form: the operator’s district is narrowed by coordinates and by words', async () => {
    const post = async (body: Record<string, unknown>) => {
      const r = await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: { channel: 'hotline', content: '井盖缺失', reporterPhone: '13900002222', ...body },
      });
      expect(r.status, r.text).toBe(201);
      return r.body.number as string;
    };
    expect(await regionOf(await post({ regionId: world.district.id, ...inside.c3 }))).toBe(world.c3.id);
    expect(await regionOf(await post({ regionId: world.district.id, content: '河坝小学门口井盖缺失' }))).toBe(world.c3.id);
    expect(await regionOf(await post({ regionId: world.c2.id, content: '河坝小学门口井盖缺失' }))).toBe(world.c2.id);
  });

  it('SMS: words place a text in its community (a text carries no coordinates)', async () => {
    const r = await provider.report(api.base, { messageId: 'gz-1', from: '13900003333', text: '滨河路的路灯坏了三天了' });
    expect(r.body.outcome).toBe('registered');
    const found = await api.call('GET', '/api/v1/demands?channel=sms&pageSize=10', { token: world.tokens.operator });
    expect(found.body.items.find((d: { title: string }) => d.title.startsWith('滨河路')).region.id).toBe(world.c2.id);
  });

  it('Open311: lat/long and an address string place the request, read back as address_id and address', async () => {
    const form = (fields: Record<string, string>) => ({
      raw: new URLSearchParams({ api_key: apiKey, service_code: String(world.lights.id), description: '路灯不亮', ...fields }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const byPoint = await api.call('POST', '/open311/v2/requests.json', form({ lat: '29.1', long: '105.15' }));
    expect(byPoint.status, byPoint.text).toBe(201);
    const a = byPoint.body[0].service_request_id;
    expect(await regionOf(a)).toBe(world.c2.id);
    expect((await api.call('GET', `/open311/v2/requests/${a}.json`)).body[0]).toMatchObject({
      address: '桂花社区',
      address_id: 'D1b',
      lat: 29.1,
      long: 105.15,
    });

    const byWords = await api.call('POST', '/open311/v2/requests.json', form({ address_string: '桂花坪街道金色家园5栋2单元' }));
    const b = byWords.body[0].service_request_id;
    expect(await regionOf(b)).toBe(world.c1.id);
    expect((await api.call('GET', `/open311/v2/requests/${b}.json`)).body[0]).toMatchObject({
      address: '桂花坪街道金色家园',
      address_id: 'D1a',
    });

    const byId = await api.call('POST', '/open311/v2/requests.json', form({ address_id: 'D2' }));
    const c = byId.body[0].service_request_id;
    expect((await api.call('GET', `/open311/v2/requests/${c}.json`)).body[0]).toMatchObject({ address: '丽发镇', address_id: 'D2' });
  });

  it('the city’s 12345: a work order at the district is placed by its coordinates and by its words', async () => {
    const order = (n: string, extra: Record<string, unknown>) => ({
      cityNumber: n,
      receivedAt: '2026-11-23T09:40:00+08:00',
      dueAt: '2026-11-24T09:40:00+08:00',
      type: 'complaint',
      content: '路面塌陷',
      reporterPhone: '13600004242',
      regionCode: 'D',
      ...extra,
    });
    const byPoint = await city.sendWorkOrder(api.base, order('SZ-GZ-1', inside.c3));
    expect(byPoint.status, JSON.stringify(byPoint.body)).toBe(201);
    expect(await regionOf(byPoint.body.number)).toBe(world.c3.id);
    const byWords = await city.sendWorkOrder(api.base, order('SZ-GZ-2', { address: '金色家园北门' }));
    expect(await regionOf(byWords.body.number)).toBe(world.c1.id);
  });
});

describe('places learned from history', () => {
  it('mines a name staff placed twice in one community, used once an admin confirms it', async () => {
    for (const n of ['8', '12']) {
      const r = await api.call('POST', '/api/v1/demands', {
        token: world.tokens.operator,
        body: {
          channel: 'hotline',
          content: '下水道堵了',
          reporterPhone: '13900005555',
          regionId: world.c3.id,
          address: `丽发镇河坝村幸福路${n}号`,
        },
      });
      expect(r.status).toBe(201);
    }
    const text = async (id: string) => {
      await provider.report(api.base, { messageId: id, from: '13900006666', text: `幸福路${id}路面坑洼` });
      const found = await api.call('GET', '/api/v1/demands?channel=sms&pageSize=50', { token: world.tokens.operator });
      return found.body.items.find((d: { title: string }) => d.title.includes(id)).region.id;
    };
    expect(await text('gz-2')).toBe(world.district.id);
    expect((await api.call('POST', '/api/v1/gazetteer/places/learn', { token: world.tokens.operator })).status).toBe(403);
    const learned = await api.call('POST', '/api/v1/gazetteer/places/learn', { token: world.tokens.admin });
    expect(learned.body.proposed).toBeGreaterThanOrEqual(1);
    const candidates = (await api.call('GET', '/api/v1/gazetteer/places?state=candidate', { token: world.tokens.admin })).body.items;
    const road = candidates.find((p: { name: string }) => p.name === '幸福路');
    expect(road).toMatchObject({ regionId: world.c3.id, source: 'learned', evidence: 2 });
    // A candidate does not place anything until confirmed.
    expect(await text('gz-3')).toBe(world.district.id);
    const ok = await api.call('POST', `/api/v1/gazetteer/places/${road.id}/decision`, {
      token: world.tokens.admin,
      body: { decision: 'confirm' },
    });
    expect(ok.body).toEqual({ id: road.id, state: 'confirmed' });
    expect(
      (await api.call('POST', `/api/v1/gazetteer/places/${road.id}/decision`, { token: world.tokens.admin, body: { decision: 'reject' } }))
        .status,
    ).toBe(409);
    expect(await text('gz-4')).toBe(world.c3.id);
  });
});
