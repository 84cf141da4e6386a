import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoArticles } from '../../src/demo/knowledge-articles.js';
import { setUpApiWorld, type TestApi, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let api: TestApi;

beforeAll(async () => ({ database, world, api } = await setUpApiWorld()));
afterAll(() => tearDownApiWorld({ database, api }));

const search = async (q: string, token = world.tokens.operator) =>
  (await api.call('GET', `/api/v1/knowledge?limit=3&q=${encodeURIComponent(q)}`, { token })).body.items.map(
    (a: { title: string }) => a.title,
  );

describe('the knowledge base answers questions as residents put them', () => {
  it('ranks approved, valid articles by what the question means; drafts and expired answers stay out', async () => {
    for (const a of demoArticles) {
      const r = await api.call('POST', '/api/v1/knowledge', { token: world.tokens.admin, body: { ...a, status: 'approved' } });
      expect(r.status, r.text).toBe(201);
    }
    expect((await search('我妈今年八十了能领什么补贴'))[0]).toBe('高龄津贴申领');
    expect((await search('公司裁员了，能领失业金吗'))[0]).toBe('失业保险金申领');

    await api.call('POST', '/api/v1/knowledge', {
      token: world.tokens.admin,
      body: { title: '高龄津贴（旧标准）', body: '80 周岁以上老人每月 50 元', keywords: '高龄津贴', status: 'draft' },
    });
    await api.call('POST', '/api/v1/knowledge', {
      token: world.tokens.admin,
      body: { title: '高龄津贴（2020 年标准）', body: '80 周岁以上每月 80 元', status: 'approved', validUntil: '2021-12-31' },
    });
    const found = await search('八十岁老人补贴');
    expect(found[0]).toBe('高龄津贴申领');
    expect(found.join()).not.toMatch(/旧标准|2020/);
    expect(await search('火星上的天气')).toEqual([]);
    expect((await api.call('GET', '/api/v1/knowledge?limit=0&q=x', { token: world.tokens.operator })).status).toBe(400);
  });
});
