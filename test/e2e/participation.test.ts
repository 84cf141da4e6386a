import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpBrowserWorld, type TestApi, type TestClock, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';
import { axe, consoleAs, desk, overflow, phone } from './browser.js';

// Participation followed to closure in the browser: a council meeting scheduled in the console is announced on the
// portal (and texted to its seat holders); an action item of a resolution goes past its due day, the sweep raises its
// 督办, and the console and the portal show it — at 1280 and 390 px, axe-clean, nothing wider than the screen.

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;
let t: TestClock;

beforeAll(async () => {
  ({ database, world, server, browser, t } = await setUpBrowserWorld());
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

const seat = (party: string, holderName: string, position = 'member', phoneNumber?: string) => ({
  party,
  holderName,
  position,
  termStart: '2026-01-01',
  termEnd: '2028-12-31',
  ...(phoneNumber ? { phone: phoneNumber } : {}),
});

async function council(name: string) {
  const r = await server.call('POST', '/api/v1/councils', {
    token: world.tokens.operator,
    body: {
      regionId: world.c1.id,
      name,
      seats: [
        seat('party_org', '李书记', 'chair', '13900005555'),
        seat('residents_committee', '王主任', 'secretary', '13900006666'),
        seat('property_company', '刘经理'),
      ],
    },
  });
  expect(r.status).toBe(201);
  return { id: r.body.id as number, seats: r.body.seats.map((s: { id: number }) => s.id) as number[] };
}

async function portalPage(viewport: { width: number; height: number }): Promise<Page> {
  const page = await (await browser.newContext({ viewport, locale: 'zh-CN', bypassCSP: true })).newPage();
  await page.goto(`${server.base}/#/community`);
  await page.selectOption('#community-pick', String(world.c1.id));
  return page;
}

async function fits(page: Page) {
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axe(page)).toEqual([]);
}

describe('四方议事会 to closure in the browser', () => {
  it('a meeting scheduled in the console is announced on the portal and texted to the seat holders', async () => {
    const { id } = await council('丽发新城四方议事会');
    const page = await consoleAs(browser, server.base, 'operator', desk);
    await page.goto(`${server.base}/console/#/councils/${id}`);
    await page.fill('#meeting_title', '充电桩议事会');
    await page.fill('#meeting_place', '社区二楼会议室');
    await page.click('#meeting_startsAt');
    await page.fill('#meeting_startsAt', '2026-11-25 19:30:00');
    await page.keyboard.press('Enter'); // confirms the time and submits the form
    await page.waitForURL(/#\/meetings\/\d+/);
    // Before the meeting the desk says so and takes no attendance.
    await page.waitForSelector('[data-testid=not-started]');
    expect(await page.textContent('[data-testid=not-started]')).toContain('会议尚未开始');
    await page.fill('#agenda_title', '楼道充电隐患');
    await page.locator('form#agenda').getByRole('button', { name: '添加' }).click();
    await page.waitForSelector('text=楼道充电隐患');
    await fits(page);
    await page.context().close();

    const sms = await database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.channel, 'sms'), eq(outboxMessages.template, 'meeting_scheduled')));
    expect(sms.map((m) => m.recipient).sort()).toEqual(['13900005555', '13900006666']);
    expect(sms[0].body).toContain('社区二楼会议室');

    for (const viewport of [phone, desk]) {
      const portal = await portalPage(viewport);
      await portal.waitForSelector('text=议事会会议预告');
      const card = portal.locator('[data-testid^=upcoming-]', { hasText: '充电桩议事会' });
      await card.waitFor();
      const text = await card.textContent();
      expect(text).toContain('地点：社区二楼会议室');
      expect(text).toContain('楼道充电隐患');
      expect(text).not.toContain('李书记');
      await fits(portal);
      await portal.context().close();
    }
  }, 180_000);

  it('an action item past its due day is chased: the sweep raises its 督办 and both the console and the portal show it', async () => {
    const op = world.tokens.operator;
    const { id, seats } = await council('民主村四方议事会');
    const meeting = await server.call('POST', `/api/v1/councils/${id}/meetings`, {
      token: op,
      body: { title: '院坝议事', place: '院坝', startsAt: t.ctx.now().toISOString() },
    });
    const mid = meeting.body.id;
    const item = await server.call('POST', `/api/v1/meetings/${mid}/agenda-items`, {
      token: op,
      body: { source: 'free', title: '更换院坝路灯' },
    });
    await server.call('PUT', `/api/v1/meetings/${mid}/attendance`, { token: op, body: { presentSeatIds: seats } });
    await server.call('POST', `/api/v1/agenda-items/${item.body.id}/votes`, {
      token: op,
      body: { votes: seats.map((seatId) => ({ seatId, choice: 'for' })) },
    });
    const resolution = await server.call('POST', `/api/v1/agenda-items/${item.body.id}/resolution`, {
      token: op,
      body: {
        text: '更换院坝路灯两盏。',
        actionItems: [
          { title: '采购路灯', ownerUnitId: world.t1Gov.id, dueOn: '2026-11-20' },
          { title: '安装路灯', ownerUnitId: world.deptA.id, dueOn: '2026-12-31' },
        ],
      },
    });
    expect(resolution.status).toBe(201);

    // Three days on, the 20th has passed: the sweep (hourly, or run now by a supervisor) chases the first item.
    t.advanceHours(72);
    const supervisor = await consoleAs(browser, server.base, 'supervisor', desk);
    await supervisor.goto(`${server.base}/console/#/councils`);
    await supervisor.getByRole('button', { name: '检查逾期行动项' }).click();
    await supervisor.waitForSelector('text=已检查：1 项行动项逾期，已转督办。');
    await supervisor.context().close();
    // Chased once: a second sweep finds nothing new.
    expect((await server.call('POST', '/api/v1/action-items/overdue/run', { token: world.tokens.supervisor })).body).toEqual({
      overdue: 0,
    });

    for (const viewport of [desk, phone]) {
      const page = await consoleAs(browser, server.base, 'operator', viewport);
      await page.goto(`${server.base}/console/#/meetings/${mid}`);
      const chased = page.locator('[data-testid^=action-item-]', { hasText: '采购路灯' });
      await chased.waitFor();
      const text = await chased.textContent();
      expect(text).toContain('桂花坪街道办事处');
      expect(text).toContain('2026-11-20');
      expect(text).toContain('已逾期');
      expect(text).toContain('督办');
      expect(text).toContain('已超过完成期限');
      expect(await page.locator('[data-testid^=action-item-]', { hasText: '安装路灯' }).textContent()).toContain('办理中');
      await fits(page);
      await page.context().close();
    }

    const portal = await portalPage(phone);
    await portal.waitForSelector('text=更换院坝路灯两盏');
    const body = await portal.textContent('body');
    expect(body).toContain('采购路灯（责任单位 桂花坪街道办事处，2026-11-20 前完成）— 已逾期 · 已督办');
    expect(body).toContain('行动项进度：0 / 2 项已完成');
    await fits(portal);
    await portal.context().close();
  }, 180_000);
});
