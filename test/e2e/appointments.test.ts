import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowserWorld, type TestApi, type TestClock, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';
import { axe, consoleAs, desk, overflow, phone, settle } from './browser.js';

// 产业村长 worked from the console by the township that owns the programme (world time 18 November 2026): it sets
// the programme up, nominates a chief for a village still to cover, reviews (a refusal without a reason comes back
// from the server), appoints him with a letter number, pairs him, logs his work; the coverage figure moves. On a
// phone, two weeks on, the same person renews the term and records that he left on 1 December: the village is to
// cover again.

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;
let t: TestClock;
let programmeUrl = '';

const shots = process.env.TINGJIAN_SCREENSHOTS === '1' ? 'docs/screenshots' : join(tmpdir(), 'tingjian-screenshots');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ database, world, server, browser, t } = await setUpBrowserWorld());
  // 丽发镇 has 河坝村; a second village makes coverage a share worth reading.
  const village = await server.call('POST', '/api/v1/regions', {
    token: world.tokens.admin,
    body: { parentId: world.t2.id, level: 'community', name: '石桥村', code: 'D2b' },
  });
  expect(village.status, village.text).toBe(201);
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

/** Picks an option of the antd select whose input has this id, and waits for its list to close. */
async function choose(page: Page, id: string, option: string) {
  // By keyboard: the "saved" notice of the last step may still cover the top of the form.
  await page.locator(`#${id}`).focus();
  await page.keyboard.press('ArrowDown');
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  // A list still sliding in can move between the press and the release of a click, which then picks nothing:
  // click once it is still, and again if the list stayed open.
  for (let attempt = 0; attempt < 3; attempt++) {
    await settle(page);
    if ((await item.count()) > 0) await item.click();
    const closed = await expect
      .poll(() => page.locator('.ant-select-dropdown:visible').count(), { timeout: 5_000 })
      .toBe(0)
      .then(
        () => true,
        () => false,
      );
    if (closed) return;
  }
  throw new Error(`the list of #${id} stayed open after three clicks on ${option}`);
}

/** Types a day into the antd date picker with this id. */
async function day(page: Page, id: string, value: string) {
  await page.click(`#${id}`);
  await page.fill(`#${id}`, value);
  await page.keyboard.press('Enter');
}

const modal = (page: Page) => page.locator('.ant-modal-container:visible');
/** Submits the open dialog once it has finished opening: a click during its zoom can land where the button is not yet. */
async function submit(page: Page) {
  await settle(page);
  await modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
}
/** The dialog has closed; a message the server or the form shows in it instead ends the wait at once, with its words. */
async function closed(page: Page) {
  const until = Date.now() + 45_000;
  while (Date.now() < until) {
    if ((await page.locator('.ant-modal-container').count()) === 0) return;
    const said = await page.locator('.ant-modal-container:visible').locator('[role=alert], .ant-form-item-explain-error').allInnerTexts();
    if (said.length > 0) throw new Error(`the dialog stayed open: ${said.join(' / ')}`);
    await page.waitForTimeout(200);
  }
  throw new Error('the dialog stayed open for 45 s with nothing said in it');
}
const person = (page: Page, name: string) => page.locator(`[data-person="${name}"]`);
const coverage = (page: Page) => page.locator('[data-testid=coverage-counts]').textContent();

/** Takes a step the server offers on a person: their button, then (with `fill`) the form, submitted. */
async function step(page: Page, name: string, verb: string, fill?: () => Promise<void>) {
  await person(page, name).locator(`button[data-action="${verb}"]`).click();
  await modal(page).waitFor();
  // Filled only once the dialog has finished opening: during its zoom a click can land beside its target.
  await settle(page);
  if (fill) await fill();
  await submit(page);
  await closed(page);
}

async function clean(page: Page) {
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axe(page)).toEqual([]);
  // No raw codes: state and action words are Chinese.
  const text = await page.locator('main, section').first().textContent();
  expect(text).not.toMatch(/\b(nominated|approved|appointed|dismissed|rejected|on_track|pairing_meeting|village)\b/);
}

describe('产业村长 from the console', () => {
  it('at 1280 px: the township sets up, nominates, reviews, appoints with a letter, pairs and logs work; coverage moves', async () => {
    const page = await consoleAs(browser, server.base, 'operatorT2', desk);
    await page.goto(`${server.base}/console/#/appointments`);
    await page.click('button[data-action=create]');
    await page.fill('#programme_name', '产业村长');
    await page.fill('#programme_rules', '目标：推动乡村产业振兴；范围：全镇行政村；职责见清单；考核：年度考评。');
    await page.fill('#programme_duties', '产业规划\n项目引进\n技术培训\n市场对接\n集体经济发展');
    await page.getByRole('button', { name: '添加目标' }).click();
    await day(page, 'programme_targets_0_by', '2026-12-31');
    await page.fill('#programme_targets_0_percent', '100');
    expect(await axe(page)).toEqual([]);
    await submit(page);
    await page.waitForURL(/#\/appointments\/\d+/);
    programmeUrl = page.url();
    await page.waitForSelector('text=待覆盖岗位（2 个）');
    await expect.poll(() => coverage(page), { timeout: 30_000 }).toBe('已覆盖 0 / 2 个岗位');
    await page.waitForSelector('text=进度落后');

    // Nominate for a village still to cover, from the list of posts to cover.
    await page.getByRole('button', { name: '为丽发镇 · 河坝村推荐人选' }).click();
    await page.fill('#nominate_name', '周建国');
    await page.fill('#nominate_background', '水产养殖企业负责人');
    await submit(page);
    await closed(page);
    await person(page, '周建国').getByText('待资格审查').waitFor();
    await page.waitForSelector('text=已有人选：周建国（待资格审查）');
    await clean(page);

    // A refusal without a reason: the server's message is shown and the form stays open.
    await person(page, '周建国').locator('button[data-action=review]').click();
    await modal(page).waitFor();
    await settle(page);
    await modal(page).getByText('不予通过', { exact: true }).click();
    await submit(page);
    await modal(page).getByRole('alert').getByText('不予通过必须写明理由').waitFor();
    await modal(page).getByText('通过', { exact: true }).click();
    await page.fill('#review_note', '产业基础扎实，群众认可');
    await submit(page);
    await closed(page);
    await person(page, '周建国').getByText('审查通过，待聘任').waitFor();

    await step(page, '周建国', 'appoint', async () => {
      await page.fill('#appoint_letterPrefix', '丽产聘〔2026〕');
      await modal(page).getByText('丽产聘〔2026〕001').waitFor();
    });
    await person(page, '周建国').getByText('聘书编号 丽产聘〔2026〕001').waitFor();
    await person(page, '周建国').getByText('任期 2026-11-18 至 2029-11-17').waitFor();
    await expect.poll(() => coverage(page), { timeout: 30_000 }).toBe('已覆盖 1 / 2 个岗位');
    await page.waitForSelector('text=待覆盖岗位（1 个）');

    await step(page, '周建国', 'pair', async () => {
      await page.fill('#pair_supportName', '丽发镇副镇长 王某');
    });
    await person(page, '周建国').getByText('结对帮带：丽发镇副镇长 王某').waitFor();

    await step(page, '周建国', 'log', async () => {
      await choose(page, 'work_kind', '引进项目');
      await choose(page, 'work_duty', '项目引进');
      await page.fill('#work_summary', '引进稻渔综合种养项目，签约 120 亩');
      await page.fill('#work_evidence', '签约协议扫描件');
    });
    // His record: the duty has one piece of work against it.
    await person(page, '周建国').getByRole('button', { name: '周建国' }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('引进稻渔综合种养项目，签约 120 亩').waitFor();
    await drawer.getByText('对应职责：项目引进').waitFor();
    expect(await drawer.locator('.ant-list-item', { hasText: '项目引进' }).first().textContent()).toContain('1 次');
    expect(await axe(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await clean(page);
    await page.screenshot({ path: join(shots, 'appointments-desk.png'), fullPage: true });
  }, 120_000);

  it('at 390 px: the same person renews the term, then dismisses him with the reason; the village is to cover again', async () => {
    t.setNow(new Date('2026-12-02T10:00:00+08:00'));
    expect(programmeUrl, 'the programme the first test set up').not.toBe('');
    const page = await consoleAs(browser, server.base, 'operatorT2', phone);
    await page.goto(programmeUrl);
    await person(page, '周建国').waitFor();
    await expect.poll(() => coverage(page), { timeout: 30_000 }).toBe('已覆盖 1 / 2 个岗位');
    await clean(page);

    await step(page, '周建国', 'renew', async () => {
      await modal(page).getByText('现任期至 2029-11-17').waitFor();
    });
    await person(page, '周建国').getByText('任期 2026-11-18 至 2032-11-17').waitFor();

    await step(page, '周建国', 'dismiss', async () => {
      await day(page, 'dismiss_on', '2026-12-01');
      await page.fill('#dismiss_reason', '本人工作调动，离开本镇');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });
    await person(page, '周建国').getByText('已解聘').waitFor();
    await person(page, '周建国').getByText('本人工作调动，离开本镇').waitFor();
    await person(page, '周建国').getByText('2026-12-01 解聘').waitFor();
    // He left on 1 December: the village is uncovered from the 2nd, today.
    await expect.poll(() => coverage(page), { timeout: 30_000 }).toBe('已覆盖 0 / 2 个岗位');
    await page.waitForSelector('text=待覆盖岗位（2 个）');
    expect(await person(page, '周建国').locator('button[data-action]').count()).toBe(0);
    await clean(page);
    await page.screenshot({ path: join(shots, 'appointments-phone.png'), fullPage: true });
  }, 120_000);
});
