import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowserWorld, type TestApi, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { axe, consoleAs, desk, overflow, phone, settle } from './browser.js';

// The service centre runs a course from the console, at a desk and on a phone: the year's plan is returned and then
// approved, a two-place course is created, walk-in learners are enrolled at the desk (the third waits), a
// cancellation moves the wait-list up, the roll is called, a resident's demand raised at the class is recorded,
// certificates are numbered and the roster comes down as a workbook.

let database: TestDatabase;
let server: TestApi;
let browser: Browser;

beforeAll(async () => {
  ({ database, server, browser } = await setUpBrowserWorld());
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

/** No overflow, nothing axe calls serious, and no raw codes (snake_case words) on screen. */
async function fits(page: Page) {
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axe(page)).toEqual([]);
  const text = (await page.locator('body').textContent()) ?? '';
  expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
}

const modal = (page: Page) => page.locator('.ant-modal:visible');
/** Submits the open dialog once it has finished opening (a click during its zoom can miss). */
const ok = async (page: Page) => {
  await settle(page);
  await modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
};
const toast = (page: Page, text: string) => page.waitForSelector(`.ant-message-notice:has-text("${text}")`);

for (const [label, viewport] of [
  ['desk', desk],
  ['phone', phone],
] as const) {
  describe(`课程培训 in the console (${label})`, () => {
    let page: Page;
    const plan = `党群服务中心 2026 年度培训计划（${label}）`;
    const course = `青年夜校 · 手机摄影（${label}）`;
    const n = label === 'desk' ? '1' : '2';

    it('returns the year’s plan with a reason, then approves it', async () => {
      page = await consoleAs(browser, server.base, 'operator', viewport);
      // Steps follow faster than antd's notices time out, so they pile up at the top of a phone's screen; clicks pass
      // through them as they would once a notice has gone.
      await page.addStyleTag({ content: '.ant-message, .ant-message * { pointer-events: none !important; }' });
      await page.goto(`${server.base}/console/#/courses`);
      await page.click('button[data-action=submit_plan]');
      await page.fill('#plan_title', plan);
      await page.fill('#plan_organiser', '区党群服务中心');
      await ok(page);
      await toast(page, '培训计划已提交');
      const row = page.locator('.ant-list-item', { hasText: plan });
      await row.locator('text=待审议').waitFor();

      await row.locator('button[data-action=return]').click();
      await ok(page);
      await modal(page).locator('text=退回时请写明意见').waitFor();
      await page.fill('#review_note', '请补充青年夜校课程');
      await ok(page);
      await row.locator('text=已退回修改').waitFor();
      await row.locator('text=审议意见：请补充青年夜校课程').waitFor();

      await row.locator('button[data-action=approve]').click();
      await modal(page).locator('text=通过后计划内的课程即确定').waitFor();
      await ok(page);
      await row.locator('text=已审议通过').waitFor();
      expect(await row.locator('button[data-action=approve]').count()).toBe(0);
      await fits(page);
    });

    it('creates a two-place course with one session', async () => {
      await page.click('button[data-action=new_course]');
      await page.fill('#course_title', course);
      await page.fill('#course_organiser', '团区委 · 党群服务中心');
      await page.fill('#course_venue', '党群服务中心 青年夜校美育教室');
      await page.fill('#course_capacity', '2');
      await page.fill('#course_sessions_0_topic', '第一课：构图与光线');
      await page.fill('#course_sessions_0_place', '美育教室');
      await page.click('#course_sessions_0_startsAt');
      await page.fill('#course_sessions_0_startsAt', '2026-11-18 09:30');
      await page.keyboard.press('Enter');
      await page.click('#course_sessions_0_endsAt');
      await page.fill('#course_sessions_0_endsAt', '2026-11-18 11:30');
      await page.keyboard.press('Enter');
      // The pickers' time columns fail axe while they are open (antd's), so the form is checked once they close.
      await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
      await fits(page);
      await ok(page);
      await page.waitForURL(/#\/courses\/\d+/);
      await page.locator('h1', { hasText: course }).waitFor();
      await page.locator('[data-testid=seats]', { hasText: '已报名 0 人，共 2 个名额' }).waitFor();
      await page.locator(`img[alt="“第一课：构图与光线”签到二维码"]`).waitFor();
    });

    it('enrols walk-in learners at the desk; the third goes on the wait-list', async () => {
      const walkIn = async (name: string, phoneNumber: string, told: string) => {
        await page.click('button[data-action=enrol]');
        await page.fill('#enrol_name', name);
        await page.fill('#enrol_phone', phoneNumber);
        await ok(page);
        await toast(page, told);
      };
      await walkIn('王阿姨', `1391234${n}001`, '王阿姨 报名成功');
      await walkIn('李大爷', `1391234${n}002`, '李大爷 报名成功');
      await walkIn('赵同学', `1391234${n}003`, '名额已满，赵同学 为候补第 1 位');
      await page.locator('[data-testid=seats]', { hasText: '已报名 2 人，共 2 个名额，候补 1 人' }).waitFor();
      await page.locator('[data-testid=waitlist]', { hasText: '第 1 位' }).waitFor();
      // A bad number is refused with the server's own words.
      await page.click('button[data-action=enrol]');
      await page.fill('#enrol_name', '某人');
      await page.fill('#enrol_phone', '12345');
      await ok(page);
      await toast(page, '请填写 11 位手机号');
      await modal(page).locator('.ant-modal-footer button:not(.ant-btn-primary)').click();
      await fits(page);
    });

    it('cancels one enrolment and the wait-list moves up', async () => {
      await page.click('button[aria-label="取消报名 李大爷"]');
      await settle(page);
      await page.click('.ant-popconfirm:visible .ant-btn-primary');
      await toast(page, '已取消 李大爷 的报名，候补的 赵同学 已转为正式报名');
      await page.locator('[data-testid=seats]', { hasText: '已报名 2 人，共 2 个名额' }).waitFor();
      await page.locator('[data-testid=enrolled]', { hasText: '赵同学' }).waitFor();
      expect(await page.locator('[data-testid=seats]').textContent()).not.toContain('候补');
    });

    it('calls the roll from a checklist', async () => {
      await page.click('button[data-action=roll_call]');
      const list = modal(page);
      await list.locator('label', { hasText: '王阿姨' }).click();
      await list.locator('label', { hasText: '赵同学' }).click();
      expect(await list.locator('label', { hasText: '李大爷' }).count()).toBe(0);
      await fits(page);
      await ok(page);
      await toast(page, '已记录 2 人到场');
      await page.locator('text=已到 2 人').waitFor();
    });

    it('records a demand a resident raised at the class', async () => {
      await page.click('button[data-action=record_demand]');
      await page.fill('#demand_content', '教室晚上灯光太暗，希望更换灯管。');
      await page.fill('#demand_reporterName', '王阿姨');
      await ok(page);
      // The server asks for a way to answer the resident; its words are shown.
      await toast(page, '请留下手机号');
      await page.fill('#demand_reporterPhone', `1391234${n}001`);
      await fits(page);
      await ok(page);
      await page.locator('.ant-message-notice', { hasText: '诉求已登记，编号' }).waitFor();
      await page.locator('text=活动中登记诉求 1 件').waitFor();
    });

    it('issues certificates to those who completed', async () => {
      await page.click('button[data-action=certify]');
      await toast(page, '已颁发 2 张结业证书');
      await page.locator('td', { hasText: '2026-001' }).waitFor();
      await page.locator('td', { hasText: '2026-002' }).waitFor();
      await page.click('button[data-action=certify]');
      await toast(page, '没有待颁发证书的结业学员');
      await fits(page);
    });

    it('downloads the roster as a workbook', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=download_roster]')]);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      expect(
        readFileSync((await download.path())!)
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      const href = await page.getAttribute('[data-action=download_roster]', 'href');
      const res = await page.request.get(`${server.base}${href}`);
      expect(res.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      await page.context().close();
    });
  });
}
