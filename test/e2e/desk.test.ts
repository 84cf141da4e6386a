import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpWorld, type TestApi, type TestClock, tearDownApiWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { startTestServer } from '../http.js';
import { tinyPng, type World } from '../world.js';
import { act, axe, consoleAs, desk, ensureWebBuilt, launchBrowser, overflow, phone, settle } from './browser.js';

// Desk work in the browser, at a desk (1280) and on a phone (390): joint handling from the dispatch dialog to
// the lead's reply, escalation of an overdue demand by rule, the leader's dashboard and the 三率 charts.

const shots = process.env.TINGJIAN_SCREENSHOTS === '1' ? 'docs/screenshots' : join(tmpdir(), 'tingjian-screenshots');

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;
let t: TestClock;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ensureWebBuilt();
  ({ database, world, t } = await setUpWorld(new Date('2026-11-02T09:00:00+08:00')));
  server = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient });
  browser = await launchBrowser(t.ctx.now);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await tearDownApiWorld({ database, api: server });
});

const staff = (username: string, viewport = desk) => consoleAs(browser, server.base, username, viewport);

async function pick(page: Page, field: string, text: string) {
  await page.click(`#${field}`);
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The elements that reach past the right edge, for a failing overflow check to name. */
const wide = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 60)}`)
      .join('\n'),
  );

const intake = async (content: string) => {
  const r = await server.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: { content, reporterPhone: '13800003333', regionId: world.c1.id, categoryId: world.lights.id },
  });
  expect(r.status, r.text).toBe(201);
  return r.body.id as number;
};

describe('desk work in the browser', () => {
  it('a joint demand goes from the dispatch dialog through the assisting unit’s part (on a phone) to the lead’s reply', async () => {
    const id = await intake('滨河路一段路灯全部不亮，电缆被施工挖断');
    const dispatcher = await staff('dispatcher');
    await dispatcher.goto(`${server.base}/console/#/demand/${id}`);
    await dispatcher.click('button[data-action="dispatch"]');
    // The dialog starts from what the demand says: its urgency (一般) and its category.
    await dispatcher.locator('.ant-modal').getByText('一般', { exact: true }).waitFor();
    await dispatcher.locator('.ant-modal').getByText('城市公共设施', { exact: false }).first().waitFor();
    await pick(dispatcher, 'unitId', '城市管理');
    await pick(dispatcher, 'assistingUnitIds', '桂花坪');
    await dispatcher.keyboard.press('Escape');
    await dispatcher.fill('#note', '城管局主办，街道协调施工方');
    // The deadlines this dispatch would set, asked of the server before confirming.
    await dispatcher
      .getByTestId('dispatch-due')
      .getByText(/签收时限/)
      .waitFor();
    await dispatcher.screenshot({ path: `${shots}/console-dispatch-dialog.png` });
    await settle(dispatcher);
    await dispatcher.click('.ant-modal-footer .ant-btn-primary');
    await dispatcher.waitForSelector('button[data-action="dispatch"]', { state: 'detached' });
    await dispatcher.getByTestId('assists').getByText('桂花坪街道办事处').waitFor();
    expect(await dispatcher.locator('.event-detail').allTextContents()).toContain('派至区城市管理局；协办单位：桂花坪街道办事处');
    await dispatcher.context().close();

    const helper = await staff('handlerT1', phone);
    await helper.goto(`${server.base}/console/#/demand/${id}`);
    await act(helper, 'assist-acknowledge');
    await act(helper, 'contribute', () => helper.fill('#contribution', '街道已约谈施工方，现场已围挡'));
    await helper.getByTestId('assists').getByText('街道已约谈施工方，现场已围挡').waitFor();
    expect(await overflow(helper)).toBeLessThanOrEqual(0);
    expect(await axe(helper), (await axe(helper)).join('\n')).toEqual([]);
    await helper.screenshot({ path: `${shots}/console-assist-phone.png`, fullPage: true });
    await helper.context().close();

    const lead = await staff('handlerA', phone);
    await lead.goto(`${server.base}/console/#/demand/${id}`);
    await act(lead, 'acknowledge');
    // A photo from the phone's camera (here, from a file): the input asks for the back camera.
    expect(await lead.getAttribute('input[type=file]', 'capture')).toBe('environment');
    await lead.setInputFiles('input[type=file]', { name: 'site.png', mimeType: 'image/png', buffer: tinyPng });
    await lead.waitForSelector('img[alt="site.png"]');
    await act(lead, 'reply', () => lead.fill('#reply', '电缆已接通，路灯恢复照明。'));
    expect(await lead.textContent('[data-testid=demand-state]')).toBe('已答复');
    expect(await overflow(lead)).toBeLessThanOrEqual(0);
    await lead.context().close();
  }, 120_000);

  it('an overdue demand escalates by rule and shows its red mark to the supervisor', async () => {
    const id = await intake('小区围墙倒塌压住路灯线');
    await server.call('POST', `/api/v1/demands/${id}/dispatch`, { token: world.tokens.dispatcher, body: { unitId: world.deptA.id } });
    t.advanceHours(24 * 6);
    const run = await server.call('POST', '/api/v1/escalations/run', { token: world.tokens.supervisor });
    expect(run.body.escalated).toBeGreaterThanOrEqual(1);
    const supervisor = await staff('supervisor');
    await supervisor.goto(`${server.base}/console/#/demand/${id}`);
    await supervisor.getByTestId('supervisions').getByText('规则自动升级').first().waitFor();
    expect(await supervisor.getByText('区级督办（红牌）').count()).toBeGreaterThan(0);
    await supervisor.screenshot({ path: `${shots}/console-escalated.png`, fullPage: true });
    // 催办 may be repeated: the button stays, the count goes up.
    await supervisor.click('button[data-action="remind"]');
    await supervisor.fill('#note', '请今日内回复');
    await settle(supervisor);
    await supervisor.click('.ant-modal-footer .ant-btn-primary');
    await supervisor.getByTestId('supervisions').getByText('催办 1 次').waitFor();
    await supervisor.context().close();
  }, 60_000);

  for (const [size, viewport] of [
    ['desk', desk],
    ['phone', phone],
  ] as const) {
    it(`the dashboard and the 三率 page draw their charts (${size})`, async () => {
      const page = await staff('supervisor', viewport);
      await page.goto(`${server.base}/console/#/dashboard`);
      for (const chart of ['chart-places', 'chart-overdue', 'chart-states', 'chart-satisfaction']) {
        await page.waitForSelector(`[data-testid=${chart}] svg path`, { state: 'attached' });
      }
      expect(await page.locator('[data-testid=chart-places] svg text', { hasText: '丽发新城社区' }).count()).toBeGreaterThan(0);
      // A unit's name wraps rather than being cut to its first character and an ellipsis.
      expect(await page.locator('[data-testid=chart-overdue] svg text', { hasText: '…' }).count()).toBe(0);
      expect(await overflow(page), await wide(page)).toBeLessThanOrEqual(0);
      expect(await axe(page), (await axe(page)).join('\n')).toEqual([]);
      await page.screenshot({ path: `${shots}/console-dashboard-${size}.png`, fullPage: true });
      if (size === 'desk') {
        // The map leads to the list of that place.
        await page.locator('[data-testid=chart-places] svg text', { hasText: '丽发新城社区' }).first().click();
        await page.waitForURL(/#\/list\/region-/);
      }

      await page.goto(`${server.base}/console/#/rates`);
      for (const chart of ['chart-rank-departments', 'chart-trend', 'chart-marks']) {
        await page.waitForSelector(`[data-testid=${chart}] svg path`, { state: 'attached' });
      }
      expect(await page.locator('[data-testid=chart-rank-departments] svg text', { hasText: '区城市管理局' }).count()).toBeGreaterThan(0);
      expect(await page.getByText('全区合计').count()).toBe(1);
      // The legend has its own row below the title, never printed over it.
      const box = (chart: string, text: string) =>
        page
          .locator(`[data-testid=${chart}] svg text`, { hasText: text })
          .first()
          .evaluate((e) => e.getBoundingClientRect().toJSON());
      for (const [chart, title, legend] of [
        ['chart-trend', '全区近六个月趋势', '响应率'],
        ['chart-marks', '督办与超期（按单位）', '黄牌督办'],
      ]) {
        const [titleBox, legendBox] = [await box(chart, title), await box(chart, legend)];
        expect(legendBox.top, `${chart}: legend under its title`).toBeGreaterThanOrEqual(titleBox.bottom);
      }
      expect(await overflow(page), await wide(page)).toBeLessThanOrEqual(0);
      expect(await axe(page), (await axe(page)).join('\n')).toEqual([]);
      await page.screenshot({ path: `${shots}/console-rates-${size}.png`, fullPage: true });
      await page.context().close();
    }, 90_000);
  }

  it('on a phone the queue is a card list and queue, detail and intake fit 390 px', async () => {
    await intake('路灯一闪一闪');
    const dispatcher = await staff('dispatcher', phone);
    await dispatcher.waitForSelector('[data-testid=demand-cards] .ant-card');
    expect(await overflow(dispatcher), await wide(dispatcher)).toBeLessThanOrEqual(0);
    expect(await axe(dispatcher)).toEqual([]);
    await dispatcher.screenshot({ path: `${shots}/console-queue-phone.png`, fullPage: true });
    await dispatcher.locator('[data-testid=demand-cards] .ant-card').first().click();
    await dispatcher.waitForSelector('[data-testid=demand-title]');
    expect(await overflow(dispatcher), await wide(dispatcher)).toBeLessThanOrEqual(0);
    // Each field's name on one line: 紧急程度 is as tall as one line of text, not four.
    const lines = await dispatcher
      .locator('.ant-descriptions-item-label', { hasText: '紧急程度' })
      .first()
      .evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
    expect(lines).toBe(1);
    await dispatcher.context().close();
    const operator = await staff('operator', phone);
    await operator.goto(`${server.base}/console/#/intake`);
    await operator.waitForSelector('#content');
    expect(await overflow(operator), await wide(operator)).toBeLessThanOrEqual(0);
    await operator.context().close();
  }, 60_000);
});
