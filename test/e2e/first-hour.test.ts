import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, loadDemo } from '../../src/demo/load-demo.js';
import { type TestApi, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { openTestDatabase, testContext } from '../db.js';
import { startTestServer } from '../http.js';
import { act, consoleAs, desk, ensureWebBuilt, launchBrowser, phone, screenProblems, settle } from './browser.js';

// The first hour of each role on the demo district, by clicks, at a desk (1280) and on a phone (390):
// the hotline operator takes a call, the dispatcher routes a new demand, a township's and a
// department's handler sign for and answer what is in their inbox, the supervisor cards a late unit
// and reads the dashboard. Every page visited passes the one screen check (browser.ts
// screenProblems): no raw code on screen, nothing past the right edge.

let database: TestDatabase;
let server: TestApi;
let browser: Browser;
const opened = new Date('2026-12-07T09:30:00+08:00');

beforeAll(async () => {
  ensureWebBuilt();
  database = await openTestDatabase();
  const t = testContext(database, opened);
  await loadDemo(t.ctx, {});
  server = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient });
  browser = await launchBrowser(t.ctx.now);
}, 240_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

/** The shared check, on the page as it stands once `ready` shows. */
async function clean(page: Page, where: string) {
  expect(await screenProblems(page), `${where} at ${page.viewportSize()?.width}px`).toEqual([]);
}

// At the desk with the animations a PC shows by default (the other walks ask for reduced motion), on the phone without.
const signIn = (username: string, viewport: typeof desk) =>
  consoleAs(browser, server.base, username, viewport, demoPassword, viewport === desk ? 'no-preference' : 'reduce');

/** Opens the first demand of the list shown (a row at a desk, a card on a phone). */
async function openFirst(page: Page, text?: RegExp) {
  const rows = page.locator('a[href^="#/demand/"]');
  await rows.first().waitFor();
  // A row's number links at a desk; on a phone the whole card is the link.
  const link = text
    ? page
        .locator('tr', { hasText: text })
        .locator('a[href^="#/demand/"]')
        .or(page.locator('a[href^="#/demand/"]', { hasText: text }))
        .first()
    : rows.first();
  await link.click();
  await page.waitForSelector('[data-testid=demand-state]');
}

async function pick(page: Page, field: string, text: string) {
  await page.click(`#${field}`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('the screen check', () => {
  it('fails on each kind of raw code and on a page wider than the screen', async () => {
    const context = await browser.newContext({ viewport: phone });
    const page = await context.newPage();
    for (const bad of [
      '状态：callback_done',
      '角色 supervisor',
      '收件人 unit:25:handlers',
      '诉求 #123',
      '2026-12-07T09:30:00Z',
      '满意度 undefined',
    ]) {
      await page.setContent(`<p>${bad}</p>`);
      expect((await screenProblems(page)).length, bad).toBeGreaterThan(0);
    }
    await page.setContent('<div style="width: 500px">宽表格</div>');
    expect((await screenProblems(page))[0]).toMatch(/past the right edge/);
    await page.setContent('<p>诉求编号 20261207-0001，已答复</p>');
    expect(await screenProblems(page)).toEqual([]);
    await context.close();
  });
});

for (const [name, viewport] of [
  ['desk', desk],
  ['phone', phone],
] as const) {
  describe(`first hour (${name})`, () => {
    it('hotline operator: the callbacks due, then a call taken down to its slip', async () => {
      const page = await signIn('operator', viewport);
      await page.locator('a[href^="#/demand/"]').first().waitFor();
      await clean(page, 'operator landing list');
      await page.goto(`${server.base}/console/#/intake`);
      await page.waitForSelector('#reporterPhone:focus');
      await clean(page, 'intake');
      await page.fill('#reporterPhone', name === 'desk' ? '13900004321' : '13900004322');
      await page.fill('#content', '宝城社区滨河路的垃圾桶被撞翻了，垃圾散了一地没人收拾。');
      await pick(page, 'regionId', 'bcsq');
      await page.click('#intake-submit');
      await page.waitForSelector('[data-testid=slip-number]');
      await clean(page, 'intake slip');
      await page.context().close();
    }, 120_000);

    it('dispatcher: a new demand routed to its unit', async () => {
      const page = await signIn('dispatcher', viewport);
      await clean(page, 'dispatcher landing list');
      // Today's calls waiting in the demo: a fallen tree (城管) at a desk, a leaking tap (住建) on a phone.
      await openFirst(page, name === 'desk' ? /行道树/ : /水龙头/);
      await clean(page, 'demand page before dispatch');
      await page.click('button[data-action="dispatch"]');
      await page.getByTestId('dispatch-due').waitFor();
      await pick(page, 'unitId', name === 'desk' ? '城市管理' : '住房城乡');
      await page
        .getByTestId('dispatch-due')
        .getByText(/签收时限/)
        .waitFor();
      await clean(page, 'dispatch dialog');
      await settle(page);
      await page.click('.ant-modal-footer .ant-btn-primary');
      await page.waitForSelector('button[data-action="dispatch"]', { state: 'detached' });
      expect(await page.textContent('[data-testid=demand-state]')).toBe('已派单');
      await clean(page, 'demand page after dispatch');
      await page.context().close();
    }, 120_000);

    for (const [role, username] of [
      ['township handler', 'handler.changyuan'],
      ['department handler', 'handler.zjw'],
    ] as const) {
      it(`${role}: the inbox's first demand signed for and answered`, async () => {
        const page = await signIn(username, viewport);
        await clean(page, `${username} inbox`);
        await openFirst(page);
        await clean(page, 'demand page in the inbox');
        if (await page.locator('button[data-action="acknowledge"]').count()) await act(page, 'acknowledge');
        await act(page, 'reply', () => page.fill('#reply', '已安排人员到现场处理，今日内完成整改，结果将电话告知您。'));
        expect(await page.textContent('[data-testid=demand-state]')).toBe('已答复');
        await clean(page, 'demand page after the reply');
        await page.context().close();
      }, 120_000);
    }

    it('supervisor: what is late, a card to the unit that holds it, and the dashboard', async () => {
      const page = await signIn('supervisor', viewport);
      await page.locator('a[href^="#/demand/"]').first().waitFor();
      await clean(page, 'supervisor landing list (overdue)');
      await openFirst(page, /签收已超期|答复已超期/);
      await clean(page, 'late demand');
      // 督办 stays offered (to lift it later): done when the dialog closes and the card shows.
      await page.click('button[data-action="supervise"]');
      await page.fill('#reason', '超期未办，请今日内办结并回复');
      await settle(page);
      await page.click('.ant-modal-footer .ant-btn-primary');
      await page.waitForSelector('.ant-modal', { state: 'detached' });
      await clean(page, 'demand page under supervision');
      await page.goto(`${server.base}/console/#/dashboard`);
      await page.locator('canvas, svg').first().waitFor();
      await clean(page, 'dashboard');
      await page.context().close();
    }, 120_000);
  });
}
