import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowserWorld, type TestApi, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';
import { axe, consoleAs, desk, overflow, phone, settle } from './browser.js';

// What new users of the console tripped on: 批量派单 asked before it is done and answered per demand, 一类事 on a
// phone and after a topic is promoted, and words that said too little or too much.

const shots = process.env.TINGJIAN_SCREENSHOTS === '1' ? 'docs/screenshots' : join(tmpdir(), 'tingjian-screenshots');

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ database, world, server, browser } = await setUpBrowserWorld());
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

const intake = async (content: string, regionId = world.c1.id, reporterPhone = '13800005555') => {
  const r = await server.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: { content, reporterPhone, regionId, categoryId: world.lights.id },
  });
  expect(r.status, r.text).toBe(201);
  return r.body as { id: number; number: string };
};

const staff = (username: string, viewport = desk) => consoleAs(browser, server.base, username, viewport);

async function fits(page: Page) {
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axe(page), (await axe(page)).join('\n')).toEqual([]);
}

describe('批量派单', () => {
  it('asks first, naming the unit and the deadlines, and says what became of each demand', { timeout: 120_000 }, async () => {
    const a = await intake('滨江路口路灯不亮，晚上很黑');
    const b = await intake('滨江路口另一盏路灯也不亮');
    const page = await staff('dispatcher');
    await page.goto(`${server.base}/console/#/list`);
    for (const d of [a, b]) await page.locator('tr', { hasText: d.number }).locator('input[type=checkbox]').check();
    await page.locator('.ant-select', { hasText: '不指定：由属地镇街首接负责' }).click();
    await page.keyboard.type('城市管理');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /批量派单/ }).click();
    const dialog = page.locator('.ant-modal', { hasText: '确认批量派单' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('bulk-summary').textContent()).toBe('2 件诉求派给 区城市管理局');
    await dialog
      .getByTestId('bulk-preview')
      .getByText(/签收时限 .+；答复时限/)
      .waitFor();
    // One preview, for the first selected as the list shows it, and labelled so.
    expect(await dialog.getByTestId('bulk-preview').textContent()).toMatch(new RegExp(`以第一件 (${a.number}|${b.number}) 为例`));
    // Nothing is sent before the dispatcher confirms.
    expect((await server.call('GET', `/api/v1/demands/${a.id}`, { token: world.tokens.dispatcher })).body.state).toBe('registered');
    await fits(page);
    await page.screenshot({ path: `${shots}/console-bulk-dispatch.png` });
    await dialog.getByTestId('bulk-confirm').click();
    const results = page.locator('.ant-modal', { hasText: '派单结果：成功 2 件，未派出 0 件' });
    await results.waitFor();
    expect(await results.getByText('已派单', { exact: true }).count()).toBe(2);
    for (const d of [a, b]) {
      const after = (await server.call('GET', `/api/v1/demands/${d.id}`, { token: world.tokens.dispatcher })).body;
      expect([after.state, after.unit?.name ?? after.unitName]).toEqual(['dispatched', '区城市管理局']);
    }
    await page.context().close();
  });
});

describe('一类事', () => {
  it('fits a phone, says what 集中答复 did, and stops offering 立为治理专项 once promoted', { timeout: 120_000 }, async () => {
    for (const [i, text] of ['东门菜市场门口垃圾堆放发臭', '东门菜市场门口垃圾没人清运发臭', '东门菜市场垃圾堆放很久发臭'].entries())
      await intake(text, world.c2.id, `1380000600${i}`);
    const page = await staff('supervisor', phone);
    await page.goto(`${server.base}/console/#/topics`);
    await page.getByRole('button', { name: '立即重新归类' }).click();
    await page.getByText(/已重新归类，共 \d+ 类事/).waitFor();
    const row = page.locator('tr', { hasText: '菜市场' }).first();
    await row.waitFor();
    await fits(page);
    await page.screenshot({ path: `${shots}/console-topics-phone.png`, fullPage: true });

    await row.getByRole('button', { name: '立为治理专项' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '核对每件诉求' });
    await dialog.waitFor();
    await page.click('#promote_unitId');
    await page.keyboard.type('桂花坪');
    await page.keyboard.press('Enter');
    await settle(page);
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.getByText(/已立为治理专项「.+」，含 3 件诉求/).waitFor();
    // The topic now shows its initiative instead of the button.
    await row.getByTestId('topic-initiative').waitFor();
    expect(await row.getByRole('button', { name: '立为治理专项' }).count()).toBe(0);
    const topics = (await server.call('GET', '/api/v1/topics', { token: world.tokens.supervisor })).body.items;
    expect(topics.find((x: { label: string }) => x.label.includes('菜市场')).initiative.title).toContain('专项治理');

    await page.getByRole('button', { name: '集中答复' }).click();
    await page.fill('#answer_answer', '街道已安排环卫每日清运两次。');
    await settle(page);
    await page.locator('.ant-modal').getByRole('button', { name: '确定' }).click();
    await page.getByText('已集中答复 3 件诉求，居民将收到短信').waitFor();
    await fits(page);
    await page.context().close();
  });
});

describe('the list on a phone', () => {
  it('shows the demands before the filters, which open from one button', async () => {
    const page = await staff('operator', phone);
    await page.goto(`${server.base}/console/#/list`);
    await page.getByTestId('demand-cards').waitFor();
    expect(await page.getByTestId('list-filters').count()).toBe(0);
    await page.getByRole('button', { name: '筛选…' }).click();
    await page.getByTestId('list-filters').waitFor();
    await fits(page);
    await page.context().close();
  });
});

describe('the category picker', () => {
  it('finds a category by an everyday word its name does not hold, as the intake and the list filter are used', {
    timeout: 120_000,
  }, async () => {
    // The classifier learns from dispatched demands: street lamps went to 城市公共设施, whose name says nothing of 路灯.
    for (const content of ['滨河路路灯不亮已经一周', '小区门口路灯坏了', '路灯一到晚上就不亮', '街边路灯损坏夜里很黑']) {
      const d = await intake(content);
      const r = await server.call('POST', `/api/v1/demands/${d.id}/dispatch`, {
        token: world.tokens.dispatcher,
        body: { unitId: world.deptA.id },
      });
      expect(r.status, r.text).toBe(200);
    }
    for (const viewport of [desk, phone]) {
      const page = await staff('operator', viewport);
      await page.goto(`${server.base}/console/#/intake`);
      const picker = page.getByRole('combobox', { name: '分类' });
      await picker.click();
      await picker.fill('路灯');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '城市公共设施' }).waitFor();
      await page.context().close();
    }
    const dispatcher = await staff('dispatcher');
    await dispatcher.goto(`${server.base}/console/#/list`);
    const filter = dispatcher.getByTestId('list-filters').getByRole('combobox', { name: '分类' });
    await filter.click();
    await filter.fill('路灯');
    await dispatcher.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '城市公共设施' }).waitFor();
    await dispatcher.context().close();
  });
});

describe('words', () => {
  it('a dispatcher sees why the resident’s number is masked and which deadline runs; the operator sees the number to tap', async () => {
    const d = await intake('楼道灯坏了', world.c1.id, '13800006666');
    const dispatcher = await staff('dispatcher');
    await dispatcher.goto(`${server.base}/console/#/demand/${d.id}`);
    await dispatcher.getByText('138****6666').waitFor();
    await dispatcher.getByText('联系方式仅受理员和承办单位可见').waitFor();
    // The deadline says which step it counts: here the centre's own 派单.
    await dispatcher
      .getByText(/^派单 剩 \d+ (小时|分钟)$/)
      .first()
      .waitFor();
    await dispatcher.context().close();
    const operator = await staff('operator');
    await operator.goto(`${server.base}/console/#/demand/${d.id}`);
    await operator.getByText('13800006666').waitFor();
    expect(await operator.locator('a[href="tel:13800006666"]').count()).toBe(1);
    expect(await operator.getByText('联系方式仅受理员和承办单位可见').count()).toBe(0);
    await operator.context().close();
  });

  it('a course names its venue without its organiser again and says how many have enrolled', async () => {
    const start = Date.parse('2026-12-01T19:00:00+08:00');
    const course = await server.call('POST', '/api/v1/courses', {
      token: world.tokens.operator,
      body: {
        title: '青年夜校：书法入门',
        organiser: '团区委 · 党群服务中心',
        venue: '党群服务中心 青年夜校美育教室',
        regionId: world.t1.id,
        audience: 'open',
        capacity: 12,
        sessions: [
          {
            topic: '第一课',
            place: '美育教室',
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 90 * 60_000).toISOString(),
          },
        ],
      },
    });
    expect(course.status, course.text).toBe(201);
    const context = await browser.newContext({ viewport: phone, locale: 'zh-CN', bypassCSP: true });
    const portal = await context.newPage();
    await portal.goto(`${server.base}/#/courses`);
    const card = portal.locator('article', { hasText: '青年夜校：书法入门' });
    await card.waitFor();
    expect(await card.locator('.meta').textContent()).toBe('团区委 · 党群服务中心 · 青年夜校美育教室');
    expect(await card.textContent()).toContain('已报名 0 人，共 12 个名额');
    expect(await overflow(portal)).toBeLessThanOrEqual(0);
    await context.close();

    const page = await staff('operator');
    await page.goto(`${server.base}/console/#/courses`);
    const tableRow = page.locator('tr', { hasText: '青年夜校：书法入门' });
    await tableRow.waitFor();
    expect(await tableRow.textContent()).toContain('青年夜校美育教室');
    expect(await tableRow.textContent()).not.toContain('党群服务中心 青年夜校');
    expect(await tableRow.textContent()).toContain('已报名 0 人，共 12 个名额');
    await page.context().close();
  });

  it('the portal’s lookup says a short demand once', async () => {
    const r = await server.call('POST', '/api/v1/demands', {
      token: world.tokens.operator,
      body: { content: '小区门口井盖松动', reporterPhone: '13800007777', regionId: world.c1.id },
    });
    const context = await browser.newContext({ viewport: phone, locale: 'zh-CN', bypassCSP: true });
    const portal = await context.newPage();
    await portal.goto(`${server.base}/#/lookup`);
    await portal.fill('#number', r.body.number);
    await portal.fill('#secret', '13800007777');
    await portal.locator('form button[type=submit]').click();
    const card = portal.locator('article.card');
    await card.getByTestId('state').waitFor();
    expect(((await card.textContent()) ?? '').split('小区门口井盖松动').length - 1).toBe(1);
    await context.close();
  });

  it('users show their last sign-in as every other time is shown, and no empty 水电气暖 column', async () => {
    const page = await staff('admin');
    await page.goto(`${server.base}/console/#/admin`);
    await page.getByRole('tab', { name: '用户与角色' }).click();
    const cell = page
      .locator('tr', { hasText: '测试 admin' })
      .locator('td')
      .filter({ hasText: /\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/ });
    await cell.first().waitFor();
    await page.getByRole('tab', { name: '诉求分类' }).click();
    await page.locator('.ant-table-row').first().waitFor();
    const utilities = (await server.call('GET', '/api/v1/categories', { token: world.tokens.admin })).body.items.filter(
      (c: { utility: boolean }) => c.utility,
    );
    expect(await page.getByRole('columnheader', { name: '水电气暖' }).count()).toBe(utilities.length > 0 ? 1 : 0);
    await page.context().close();
  });
});
