import { desc, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/rows.js';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpBrowserWorld, type TestApi, type TestClock, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

// A four-party council cycle in the browser, and a resident proposal reaching its threshold.

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;
let t: TestClock;

beforeAll(async () => {
  ({ database, world, server, browser, t } = await setUpBrowserWorld());
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

const seat = (party: string, holderName: string, position = 'member') => ({
  party,
  holderName,
  position,
  termStart: '2026-01-01',
  termEnd: '2028-12-31',
});

async function operatorPage(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })).newPage();
  await page.goto(`${server.base}/console/`);
  await page.fill('#username', 'operator');
  await page.fill('#password', 'password-123');
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=me]');
  return page;
}

describe('四方议事会 in the browser', () => {
  it('agenda from a topic → quorum refused → vote → resolution → notice with a comment → action done', async () => {
    const council = await server.call('POST', '/api/v1/councils', {
      token: world.tokens.operator,
      body: {
        regionId: world.c1.id,
        name: '丽发新城四方议事会',
        seats: [
          seat('party_org', '李书记', 'chair'),
          seat('residents_committee', '王主任', 'secretary'),
          seat('owners_committee', '张主任'),
          seat('property_company', '刘经理'),
          seat('resident_rep', '陈大爷'),
        ],
      },
    });
    const page = await operatorPage();
    await page.goto(`${server.base}/console/#/councils/${council.body.id}`);
    await page.fill('#meeting_title', '第三次议事会');
    await page.fill('#meeting_place', '社区会议室');
    await page.click('#meeting_startsAt');
    await page.fill('#meeting_startsAt', '2026-12-01 10:00:00');
    await page.keyboard.press('Enter'); // confirms the time and submits the form
    await page.waitForURL(/#\/meetings\/\d+/);
    // Two weeks early the desk takes the agenda but no attendance; on the day (the clock moves on) it is in session.
    await page.waitForSelector('[data-testid=not-started]');
    t.setNow(new Date('2026-12-02T12:00:00+08:00'));

    await page.locator('#agenda_source').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '一类事' }).click();
    await page.fill('#agenda_sourceRef', '丽发新城 · 围墙遮挡');
    await page.fill('#agenda_title', '围墙改栏杆、院坝添桌椅');
    await page.locator('form#agenda').getByRole('button', { name: '添加' }).click();
    await page.waitForSelector('text=围墙改栏杆、院坝添桌椅');

    // Attendance is saved on each click; the count comes back from the server.
    let present = 0;
    const attend = async (name: string) => {
      await page.getByLabel(new RegExp(`^${name}`)).click();
      await page.waitForSelector(`text=到会 ${++present} / 5 席`);
    };
    for (const name of ['李书记', '王主任']) await attend(name);
    await page.locator('button[data-action^=vote-]').click();
    await page.waitForSelector('[data-testid=council-error]');
    expect(await page.textContent('[data-testid=council-error]')).toContain('至少需要 3 席');

    for (const name of ['张主任', '刘经理']) await attend(name);
    // By keyboard: the options are 赞成, 反对, 弃权 in that order.
    for (const [name, downs] of [
      ['李书记', 0],
      ['王主任', 0],
      ['张主任', 0],
      ['刘经理', 2],
    ] as const) {
      const select = page.getByLabel(`${name} 表决`);
      await select.focus();
      await page.keyboard.press('Enter');
      for (let i = 0; i < downs; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => select.getAttribute('aria-expanded')).toBe('false');
    }
    await page.locator('button[data-action^=vote-]').click();
    await page.waitForSelector('text=通过');
    const meetingId = Number(page.url().split('/').pop());
    const recorded = await server.call('GET', `/api/v1/meetings/${meetingId}`, { token: world.tokens.operator });
    expect(recorded.body.agenda[0].votes.map((v: { choice: string }) => v.choice).sort()).toEqual(['abstain', 'for', 'for', 'for']);

    await page.locator('form[id^=resolution-] textarea').first().fill('拆除沿街围墙改为通透栏杆，院坝增设桌椅两套。');
    // Each action item: what, which unit owns it, by when.
    const actionItem = async (i: number, title: string, unit: string, due: string) => {
      await page.getByRole('button', { name: '添加行动项' }).click();
      await page.fill(`[id$=_actionItems_${i}_title]`, title);
      await page.locator(`[id$=_actionItems_${i}_ownerUnitId]`).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: unit }).click();
      await page.click(`[id$=_actionItems_${i}_dueOn]`);
      await page.fill(`[id$=_actionItems_${i}_dueOn]`, due);
      await page.keyboard.press('Tab'); // a date typed in full is taken as the picker is left
    };
    await actionItem(0, '围墙改栏杆施工', '桂花坪街道办事处', '2026-12-31');
    await actionItem(1, '采购桌椅', '区城市管理局', '2026-12-15');
    await page.locator('form[id^=resolution-]').getByRole('button', { name: '形成决议' }).click();
    await page.waitForSelector('[data-testid^=resolution-]');
    await page.locator('.ant-list-item', { hasText: '采购桌椅' }).getByRole('button', { name: '标记完成' }).click();
    await page.waitForSelector('text=已完成');
    await page.fill('#close_minutes', '会议通过围墙改造决议。');
    await page.getByRole('button', { name: '结束会议' }).click();
    await page.waitForSelector('text=已结束');
    expect(await page.locator('button[data-action^=vote-]').count()).toBe(0);

    const portal = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })).newPage();
    await portal.goto(`${server.base}/#/community`);
    await portal.selectOption('#community-pick', String(world.c1.id));
    await portal.waitForSelector('text=拆除沿街围墙改为通透栏杆');
    expect(await portal.textContent('body')).toContain('采购桌椅（责任单位 区城市管理局，2026-12-15 前完成）— 已完成');
    await portal.locator('textarea[id^=c-]').fill('栏杆请做成圆角，别伤到孩子');
    await portal.getByRole('button', { name: '提交意见' }).click();
    await portal.waitForSelector('text=栏杆请做成圆角');
    // The author follows their comment in this browser; a moderator hides it and the author learns why.
    await portal.waitForSelector('text=意见「栏杆请做成圆角，别伤到孩子」— 已公开');
    const [comment] = await queryRows<{ id: number }>(database.db, sql`select id from notice_comments where body like '栏杆%'`);
    await server.call('POST', `/api/v1/moderation/notice_comment/${comment.id}/hide`, {
      token: world.tokens.operator,
      body: { reason: '与议题无关' },
    });
    await portal.reload();
    await portal.waitForSelector('text=未公开，原因：与议题无关');
    await portal.context().close();
    await page.context().close();
  }, 120_000);

  it('a resident proposes on the portal and the proposal reaches its threshold', async () => {
    await server.call('PATCH', '/api/v1/settings', { token: world.tokens.admin, body: { 'proposals.secondsThreshold': 3 } });
    const portal = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })).newPage();
    await portal.goto(`${server.base}/#/community`);
    await portal.selectOption('#community-pick', String(world.c1.id));
    await portal.getByRole('button', { name: '我要提议' }).click();
    await portal.fill('#p-title', '小区增设充电桩');
    await portal.fill('#p-body', '电动车在楼道充电有火灾隐患');
    await portal.fill('#pc-phone', '13811112222');
    await portal.getByRole('button', { name: '获取验证码' }).click();
    await portal.waitForSelector('text=验证码已发送');
    const [sms] = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
    await portal.fill('#pc-code', sms.body.match(/(\d{6})/)![1]);
    await portal.getByRole('button', { name: '确认' }).click();
    await portal.waitForSelector('text=小区增设充电桩');
    const list = await server.call('GET', `/api/v1/public/proposals?regionId=${world.c1.id}`);
    const id = list.body.items.find((p: { title: string }) => p.title === '小区增设充电桩').id;
    for (const phone of ['13811113333', '13811114444']) {
      await server.call('POST', '/api/v1/public/verification-codes', { body: { phone } });
      const [m] = await database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.id)).limit(1);
      await server.call('POST', `/api/v1/public/proposals/${id}/seconds`, { body: { phone, code: m.body.match(/(\d{6})/)![1] } });
    }
    await portal.reload();
    await portal.selectOption('#community-pick', String(world.c1.id));
    await portal.waitForSelector(`[data-testid=seconds-${id}]`);
    expect(await portal.textContent(`[data-testid=seconds-${id}]`)).toBe('3 人附议 · 已达附议人数，待上会');
    await portal.context().close();
  }, 90_000);
});
