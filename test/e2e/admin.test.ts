import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/modules/accounts/index.js';
import { setUpBrowserWorld, type TestApi, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';
import { axe, consoleAs, desk, overflow, phone, settle } from './browser.js';

// Staff writes that used to need the API: an admin curates answers, settings, time limits, the holiday calendar, accounts
// and their own tokens; an operator records and merges proposals for residents; a moderator takes down a published comment.

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;
let commentId = 0;

beforeAll(async () => {
  ({ database, world, server, browser } = await setUpBrowserWorld());
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

const seat = { party: 'party_org', holderName: '书记', position: 'chair', termStart: '2026-01-01', termEnd: '2028-12-31' };

async function fits(page: Page) {
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axe(page)).toEqual([]);
}

const signIn = (username: string, viewport = desk) => consoleAs(browser, server.base, username, viewport);

async function tab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

describe('staff writes in the console', () => {
  it('sets up a resolution under notice with a resident’s comment, and an answer in the knowledge base', async () => {
    const op = world.tokens.operator;
    const council = await server.call('POST', '/api/v1/councils', {
      token: op,
      body: { regionId: world.c1.id, name: '丽发议事会', seats: [seat] },
    });
    const meeting = await server.call('POST', `/api/v1/councils/${council.body.id}/meetings`, {
      token: op,
      body: { title: '十一月议事会', place: '活动室', startsAt: new Date('2026-11-10T09:00:00+08:00').toISOString() },
    });
    const item = await server.call('POST', `/api/v1/meetings/${meeting.body.id}/agenda-items`, {
      token: op,
      body: { source: 'free', title: '停车' },
    });
    await server.call('PUT', `/api/v1/meetings/${meeting.body.id}/attendance`, {
      token: op,
      body: { presentSeatIds: [council.body.seats[0].id] },
    });
    await server.call('POST', `/api/v1/agenda-items/${item.body.id}/votes`, {
      token: op,
      body: { votes: [{ seatId: council.body.seats[0].id, choice: 'for' }] },
    });
    const res = await server.call('POST', `/api/v1/agenda-items/${item.body.id}/resolution`, {
      token: op,
      body: { text: '小区东门增设临时停车位', actionItems: [] },
    });
    expect(res.status, res.text).toBe(201);
    const comment = await server.call('POST', `/api/v1/public/resolutions/${res.body.resolution.id}/comments`, {
      body: { body: '加微信代办停车证 138 私聊' },
    });
    expect(comment.status, comment.text).toBe(201);
    commentId = comment.body.id;
    const article = await server.call('POST', '/api/v1/knowledge', {
      token: world.tokens.admin,
      body: { title: '高龄津贴怎么申请', body: '年满八十周岁的老人可到社区申请。', status: 'approved' },
    });
    expect(article.status, article.text).toBe(201);
  });

  it('the admin edits and retires a knowledge answer, changes a setting and a time limit', async () => {
    const page = await signIn('admin', desk);
    await page.goto(`${server.base}/console/#/admin`);
    await tab(page, '知识库');
    await page.click('[data-article="高龄津贴怎么申请"] [data-action=edit]');
    await page.getByLabel('标题').fill('高龄津贴申请办法');
    await page
      .getByRole('button', { name: '保 存' })
      .or(page.getByRole('button', { name: '保存' }))
      .click();
    await page.waitForSelector('[data-article="高龄津贴申请办法"]');
    await page.click('[data-article="高龄津贴申请办法"] [data-action=retire]');
    await page.waitForSelector('text=已停用');
    await fits(page);
    const articles = await server.call('GET', '/api/v1/knowledge?status=all', { token: world.tokens.admin });
    expect(articles.body.items).toMatchObject([{ title: '高龄津贴申请办法', status: 'retired' }]);

    await tab(page, '系统设置');
    await page.waitForSelector('text=群众提议获得这么多人附议后');
    await page.getByLabel('提议附议门槛').fill('20');
    await page.click('[data-action=save-settings]');
    await page.waitForSelector('.ant-message >> text=已保存');
    expect((await server.call('GET', '/api/v1/settings', { token: world.tokens.admin })).body['proposals.secondsThreshold']).toBe(20);
    // Out of range: the box keeps what was typed and the server's reason is shown; nothing is saved.
    await page.getByLabel('自动派单把握度').fill('5');
    await page.click('[data-action=save-settings]');
    await page.waitForSelector('.ant-message >> text=自动派单把握度应为 0 到 1 之间的数');
    expect(await page.getByLabel('自动派单把握度').inputValue()).toMatch(/^5(\.0+)?$/);
    expect((await server.call('GET', '/api/v1/settings', { token: world.tokens.admin })).body['text.autoDispatchConfidence']).toBe(0);
    await page.click('[data-action=run-escalation]');
    await page.waitForSelector('[role=status] >> text=已升级督办 0 件');
    await fits(page);

    await tab(page, '办理时限');
    await page.waitForSelector('text=暂无自定义时限');
    await page.getByRole('button', { name: '添加一条' }).click();
    await page.click('[data-action=save-time-limits]');
    await page.waitForSelector('[data-testid=time-limit] >> text=签收（全部）：2 小时');
    expect((await server.call('GET', '/api/v1/time-limits', { token: world.tokens.admin })).body.items).toEqual([
      { stage: 'acknowledge', categoryId: null, urgency: null, amount: 2, unit: 'hours' },
    ]);
    // The same rule twice is refused in words, and the saved rules stay as they were.
    await page.getByRole('button', { name: '添加一条' }).click();
    await page.click('[data-action=save-time-limits]');
    await page.waitForSelector('.ant-message >> text=第 1 条和第 2 条规则的环节、适用诉求和类别都相同');
    expect((await server.call('GET', '/api/v1/time-limits', { token: world.tokens.admin })).body.items).toHaveLength(1);
    await fits(page);
  }, 120_000);

  it('the admin imports a year’s holidays, removes one day, disables and re-enables a user', async () => {
    const page = await signIn('admin', desk);
    await page.goto(`${server.base}/console/#/admin`);
    await tab(page, '工作日历（节假日与调休）');
    await page.getByLabel('日历内容').fill('日期,类型,说明\n2027-10-01,休,国庆节\n2027-10-02,休,国庆节\n2027-10-09,班,国庆调休');
    await page.click('[data-action=import-calendar]');
    await page.waitForSelector('.ant-message >> text=已导入 3 天');
    await page.click('[data-day="2027-10-02"]');
    // A pop-confirm still zooming in can take the click beside its button.
    await settle(page);
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    await page.waitForSelector('.ant-message >> text=已删除 2027-10-02');
    const days = (await server.call('GET', '/api/v1/calendar/days')).body.items.map((d: { day: string }) => d.day);
    expect(days).toEqual(expect.arrayContaining(['2027-10-01', '2027-10-09']));
    expect(days).not.toContain('2027-10-02');
    await fits(page);

    await tab(page, '用户与角色');
    // A phone on the account lets its owner unlock it by text; the server refuses a number it could not text.
    await page.getByLabel('用户名', { exact: true }).fill('wang.fang');
    await page.getByLabel('姓名', { exact: true }).fill('王芳');
    await page.getByLabel('密码', { exact: true }).fill('password-123');
    await page.getByLabel('手机号（选填）').fill('12345');
    await page.click('[data-action=add-user]');
    await page.waitForSelector('.ant-message >> text=不是中国大陆手机号');
    await page.getByLabel('手机号（选填）').fill('139 0000 5678');
    await page.click('[data-action=add-user]');
    await page.waitForSelector('.ant-message >> text=已添加用户 王芳');
    const [made] = await database.db.select({ phone: users.phone }).from(users).where(eq(users.username, 'wang.fang'));
    expect(made.phone).toBe('13900005678');
    await page.click('[data-user=handlerb] [data-action=disable]');
    await page.waitForSelector('.ant-message >> text=已停用');
    await page.waitForSelector('[data-user=handlerb] [data-action=enable]');
    expect((await server.call('GET', '/api/v1/auth/me', { token: world.tokens.handlerB })).status).toBe(401);
    await page.click('[data-user=handlerb] [data-action=enable]');
    await page.waitForSelector('[data-user=handlerb] [data-action=disable]');
    await fits(page);
  }, 120_000);

  it('a staff member creates and revokes their own API token under 我的账号', async () => {
    const page = await signIn('supervisor', desk);
    await page.getByRole('link', { name: '我的账号' }).click();
    await page.getByLabel('用途').fill('区数据中心同步');
    await page.click('[data-action=create-token]');
    const token = ((await page.locator('[data-testid=fresh-token]').textContent()) ?? '').trim();
    expect((await server.call('GET', '/api/v1/auth/me', { token })).status).toBe(200);
    await fits(page);
    await page.click('[data-token="区数据中心同步"]');
    await settle(page);
    await page.locator('.ant-popconfirm').getByRole('button', { name: '吊销' }).click();
    await page.waitForSelector('.ant-table >> text=已吊销');
    expect((await server.call('GET', '/api/v1/auth/me', { token })).status).toBe(401);
  }, 120_000);

  it('an operator records two proposals for residents at the desk, seconds one and merges the duplicate', async () => {
    const page = await signIn('operator', desk);
    await page.getByRole('link', { name: '群众提议' }).click();
    await page.locator('#proposal-community').click();
    await page.locator('.ant-select-item-option', { hasText: '丽发新城社区' }).click();
    for (const [title, tel] of [
      ['小区加装电梯', '13900000001'],
      ['三单元装电梯', '13900000002'],
    ]) {
      await page.getByLabel('提议标题').fill(title);
      await page.getByLabel('提议内容').fill('老人上下楼困难，希望加装电梯。');
      await page.getByLabel('提议人电话').fill(tel);
      await page
        .getByRole('button', { name: '登 记' })
        .or(page.getByRole('button', { name: '登记' }))
        .click();
      await page.waitForSelector(`[data-proposal="${title}"]`);
    }
    await page.click('[data-proposal="小区加装电梯"] [data-action=second]');
    await page.getByLabel('附议人电话（每人只能附议一次）').fill('13900000003');
    await settle(page);
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s?定/ })
      .click();
    await page.waitForSelector('.ant-message >> text=已附议，现有 2 人附议');
    await page.click('[data-proposal="三单元装电梯"] [data-action=merge]');
    await page.locator('.ant-modal:visible .ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: '小区加装电梯' }).click();
    await settle(page);
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s?定/ })
      .click();
    await page.waitForSelector('.ant-message >> text=已合并，保留的提议现有 3 人附议');
    await page.waitForSelector('[data-proposal="三单元装电梯"]', { state: 'detached' });
    await fits(page);
  }, 120_000);

  it('a moderator takes down a published comment with a reason; the portal no longer shows it', async () => {
    const page = await signIn('operator', desk);
    await page.getByRole('link', { name: '内容审核' }).click();
    await tab(page, '已发布内容');
    await page.click(`[data-item="notice_comment-${commentId}"] [data-action=take-down]`);
    await page.getByLabel('原因（公开显示，并告知作者）').fill('广告信息');
    await settle(page);
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s?定/ })
      .click();
    await page.waitForSelector('.ant-message >> text=已撤下');
    await page.waitForSelector(`[data-item="notice_comment-${commentId}"]`, { state: 'detached' });
    await fits(page);

    const context = await browser.newContext({ viewport: phone, locale: 'zh-CN', bypassCSP: true });
    const portal = await context.newPage();
    await portal.goto(`${server.base}/#/community`);
    await portal.selectOption('#community-pick', { label: '丽发新城社区' });
    await portal.waitForSelector('text=小区东门增设临时停车位');
    expect(await portal.locator('body').textContent()).not.toContain('代办停车证');
  }, 120_000);

  it('on an answered demand’s page the moderator removes a passage from its public reply', async () => {
    const d = await server.call('POST', '/api/v1/public/demands', {
      body: {
        title: '楼道灯不亮',
        content: '三栋楼道灯坏了一周',
        reporterName: '王大爷',
        reporterPhone: '13700001111',
        regionId: world.c1.id,
      },
    });
    const [row] = (await server.call('GET', `/api/v1/demands?regionId=${world.c1.id}`, { token: world.tokens.operator })).body.items;
    await server.call('POST', `/api/v1/demands/${row.id}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptA.id } });
    await server.call('POST', `/api/v1/demands/${row.id}/acknowledge`, { token: world.tokens.handlerA, body: {} });
    await server.call('POST', `/api/v1/demands/${row.id}/reply`, {
      token: world.tokens.handlerA,
      body: { reply: '已修复。有事别再找我们' },
    });
    const page = await signIn('operator', desk);
    await page.goto(`${server.base}/console/#/demand/${row.id}`);
    await page.click('[data-face=reply] [data-action=redact]');
    await page.getByLabel('要删除的文字（从原文复制）').fill('有事别再找我们');
    await page.getByLabel('原因（公开显示，并告知作者）').fill('不当用语');
    await settle(page);
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /确\s?定/ })
      .click();
    await page.waitForSelector('[data-face=reply] >> text=已删改');
    await fits(page);
    const published = (await server.call('GET', `/api/v1/public/demands?regionId=${world.c1.id}`)).body.items.find(
      (x: { number: string }) => x.number === d.body.number,
    );
    expect(published.replyText).toBe('已修复。〔已删除〕');
  }, 120_000);

  it('every page fits a 390 px phone and passes axe', async () => {
    const admin = await signIn('admin', phone);
    await admin.goto(`${server.base}/console/#/admin`);
    // The menu sits behind one button: the header is a single short row.
    expect((await admin.locator('header').boundingBox())?.height).toBeLessThan(80);
    await admin.click('[data-action=open-menu]');
    await admin.getByRole('link', { name: '审计日志' }).click();
    await admin.waitForSelector('h1 >> text=审计日志');
    // Records there is only one of are named by kind, never by the code's word for them.
    await admin.waitForSelector('td >> text=办理时限');
    expect(await admin.locator('main').textContent()).not.toMatch(/installation|编号 rules|编号 days/);
    await fits(admin);
    await admin.goto(`${server.base}/console/#/admin`);
    for (const name of ['知识库', '系统设置', '办理时限', '工作日历（节假日与调休）', '用户与角色', '诉求分类', '地名与边界']) {
      await tab(admin, name);
      await fits(admin);
    }
    for (const route of ['#/account', '#/proposals', '#/outbox', '#/moderation']) {
      await admin.goto(`${server.base}/console/${route}`);
      await admin.waitForSelector('h1');
      await fits(admin);
    }
    await tab(admin, '已发布内容');
    await fits(admin);
    // On a phone each item is a card: its take-down button is on screen, not in a table scrolled off to the right.
    const takeDown = admin.locator('[data-action=take-down]').first();
    await takeDown.waitFor();
    const box = await takeDown.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
  }, 120_000);
});
