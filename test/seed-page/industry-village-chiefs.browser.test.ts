// The seed page's case (see industry-village-chiefs.test.ts) through the console: the district sets up 产业村长 with
// its June and December targets, a township nominates for its own villages, the district enters the rest, reviews
// (two refused with a reason) and appoints 21 on 27 March with numbered letters; the township pairs a chief and logs
// his work; one chief is dismissed in May; on 15 July the page shows the June target missed by one village.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowserWorld, type TestApi, type TestClock, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { axe, consoleAs, desk, overflow, phone, settle } from '../e2e/browser.js';
import { staffWithToken } from '../staff.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;
let t: TestClock;
let url = '';

beforeAll(async () => {
  ({ database, world, server, browser, t } = await setUpBrowserWorld(new Date('2025-03-20T09:00:00+08:00')));
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

const at = (iso: string) => t.setNow(new Date(`${iso}T09:00:00+08:00`));
const modal = (page: Page) => page.locator('.ant-modal-container:visible');
const person = (page: Page, name: string) => page.locator(`[data-person="${name}"]`);
const coverage = (page: Page) => page.locator('[data-testid=coverage-counts]').textContent();
async function submit(page: Page) {
  const ok = modal(page).locator('.ant-modal-footer .ant-btn-primary');
  await settle(page);
  await ok.click();
  try {
    await page.waitForSelector('.ant-modal-container', { state: 'detached', timeout: 15_000 });
  } catch {
    // On a loaded machine a click during the dialog's opening can be lost; a dialog still open without the server's
    // refusal on it is asked once more, and one that shows a refusal fails with its words.
    const refusal = await modal(page).getByRole('alert').allInnerTexts();
    expect(refusal, 'the dialog shows the server refusing').toEqual([]);
    await ok.click();
    await page.waitForSelector('.ant-modal-container', { state: 'detached' });
  }
}
async function day(page: Page, id: string, value: string) {
  await page.click(`#${id}`);
  await page.fill(`#${id}`, value);
  await page.keyboard.press('Enter');
}
/** The village's name and township as the console shows them: 丽发镇 and 第1–5镇, seven villages each. */
const village = (k: number) => (k === 0 ? '河坝村' : `${Math.floor(k / 7)}镇${k % 7}号村`);

async function nominate(page: Page, k: number, name: string, background: string) {
  await page.locator('button[data-action=nominate]').click();
  await modal(page).waitFor();
  // Clicked inside only once the dialog has finished opening: during its zoom a click can land beside its target.
  await settle(page);
  await page.locator('#nominate_postRegionId').click();
  await page.locator('#nominate_postRegionId').fill(village(k));
  await expect.poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').count()).toBe(1);
  await page.keyboard.press('Enter');
  await expect.poll(() => modal(page).locator('.ant-select').first().textContent()).toContain(village(k));
  await page.fill('#nominate_name', name);
  await page.fill('#nominate_background', background);
  await submit(page);
  await person(page, name).waitFor();
}

describe('产业村长 (the seed page) through the console', () => {
  it('replays 27 March to 15 July by clicking', async () => {
    const admin = world.tokens.admin;
    // The district's villages, as the admin keeps them: 丽发镇 (with 河坝村) and five more townships, 7 villages each.
    const townships = [world.t2.id];
    for (let i = 1; i <= 5; i++) {
      const r = await server.call('POST', '/api/v1/regions', {
        token: admin,
        body: { parentId: world.district.id, level: 'township', name: `第${i}镇`, code: `T${i}` },
      });
      townships.push(r.body.id);
    }
    for (const [n, tid] of townships.entries()) {
      for (let v = n === 0 ? 1 : 0; v < 7; v++) {
        const r = await server.call('POST', '/api/v1/regions', {
          token: admin,
          body: { parentId: tid, level: 'community', name: `${n}镇${v}号村`, code: `V${n}-${v}` },
        });
        expect(r.status, r.text).toBe(201);
      }
    }
    await staffWithToken(server, admin, {
      username: 'lifa.op',
      displayName: '丽发镇组织委员',
      roles: [{ role: 'operator', regionId: world.t2.id }],
    });

    // 20 March: the district (区委组织部) sets the programme up; urban communities are not posts.
    const op = await consoleAs(browser, server.base, 'operator', desk);
    await op.goto(`${server.base}/console/#/appointments`);
    await op.click('button[data-action=create]');
    await op.fill('#programme_name', '产业村长');
    await op.fill(
      '#programme_rules',
      '目标：推动乡村产业振兴；范围：全区行政村；职责：产业规划、项目引进、技术培训、市场对接、集体经济发展；考核：年度考评。',
    );
    await op.fill('#programme_duties', '产业规划\n项目引进\n技术培训\n市场对接\n集体经济发展');
    await op.fill('#programme_termMonths', '36');
    for (const [i, [by, share]] of [
      ['2025-06-30', '50'],
      ['2025-12-31', '100'],
    ].entries()) {
      await op.getByRole('button', { name: '添加目标' }).click();
      await day(op, `programme_targets_${i}_by`, by);
      await op.fill(`#programme_targets_${i}_percent`, share);
    }
    await submit(op);
    await op.waitForURL(/#\/appointments\/\d+/);
    url = op.url();
    await op.waitForSelector('text=待覆盖岗位（42 个）');
    expect(await coverage(op)).toBe('已覆盖 0 / 42 个岗位');

    // The township nominates for its own seven villages only, and decides nothing.
    const lifa = await consoleAs(browser, server.base, 'lifa.op', desk);
    await lifa.goto(url);
    await lifa.locator('button[data-action=nominate]').waitFor();
    expect(await lifa.locator('button[data-action=decide]').count()).toBe(0);
    await lifa.locator('button[data-action=nominate]').click();
    await lifa.locator('#nominate_postRegionId').click();
    await expect.poll(() => lifa.locator('.ant-select-dropdown:visible .ant-select-item-option').count()).toBe(7);
    await lifa.keyboard.press('Escape');
    await modal(lifa).locator('.ant-modal-close').click();
    await lifa.waitForSelector('.ant-modal-container', { state: 'detached' });
    for (let k = 0; k < 3; k++) await nominate(lifa, k, `镇推荐人选${k + 1}`, '农业企业负责人');

    // The district enters the other twenty from the townships' lists in one batch (the console nominates one at a
    // time; a list of twenty is the API's batch), some self-nominated.
    const programmeId = Number(url.split('/').pop());
    const regionsNow = (await server.call('GET', '/api/v1/regions', { token: admin })).body.items as { id: number; name: string }[];
    const rest = await server.call('POST', `/api/v1/appointment-programmes/${programmeId}/candidates`, {
      token: world.tokens.operator,
      body: {
        candidates: Array.from({ length: 20 }, (_, i) => ({
          postRegionId: regionsNow.find((r) => r.name === village(i + 3))!.id,
          name: `人选${i + 4}`,
          background: ['农技专家', '企业家', '致富带头人'][i % 3],
          nominatedBy: i % 2 ? 'self' : 'township',
        })),
      },
    });
    expect(rest.status, rest.text).toBe(201);
    await op.reload();
    const names = [...[1, 2, 3].map((i) => `镇推荐人选${i}`), ...Array.from({ length: 20 }, (_, i) => `人选${i + 4}`)];

    // Review: 21 pass; the last two are not approved, each with the reason.
    for (const [i, name] of names.entries()) {
      await person(op, name).locator('button[data-action=review]').click();
      await modal(op).waitFor();
      await settle(op);
      if (i >= 21) {
        await modal(op).getByText('不予通过', { exact: true }).click();
        await op.fill('#review_note', '产业基础与岗位要求不符');
      }
      await submit(op);
      await person(op, name)
        .getByText(i >= 21 ? '未通过审查' : '审查通过，待聘任')
        .waitFor();
    }

    // 27 March: one decision appoints the 21 with numbered letters and three-year terms.
    at('2025-03-27');
    const decide = await consoleAs(browser, server.base, 'operator', desk);
    await decide.goto(url);
    await decide.locator('button[data-action=decide]').click();
    await modal(decide).getByText('全选（21 人）').click();
    await decide.fill('#appoint_letterPrefix', '荣产聘〔2025〕');
    await submit(decide);
    await person(decide, '镇推荐人选1').getByText('聘书编号 荣产聘〔2025〕001').waitFor();
    await person(decide, '镇推荐人选1').getByText('任期 2025-03-27 至 2028-03-26').waitFor();
    await decide.waitForSelector('[data-testid=coverage-counts]:has-text("已覆盖 21 / 42 个岗位")');

    // The township pairs its chief one-to-one and logs his work against the duties.
    at('2025-05-15');
    const town = await consoleAs(browser, server.base, 'lifa.op', desk);
    await town.goto(url);
    await person(town, '镇推荐人选1').locator('button[data-action=pair]').click();
    await town.fill('#pair_supportName', '丽发镇副镇长 王某');
    await submit(town);
    await person(town, '镇推荐人选1').getByText('结对帮带：丽发镇副镇长 王某').waitFor();
    await person(town, '镇推荐人选1').locator('button[data-action=log]').click();
    await town.locator('#work_duty').focus();
    await town.keyboard.press('ArrowDown');
    await town.locator('.ant-select-dropdown:visible .ant-select-item-option[title="项目引进"]').click();
    await day(town, 'work_happenedOn', '2025-05-12');
    await town.fill('#work_summary', '引进稻渔综合种养项目，签约 120 亩');
    await town.fill('#work_evidence', '签约协议扫描件');
    await submit(town);
    // Another township's chief offers this township nothing.
    expect(await person(town, '人选11').locator('button[data-action]').count()).toBe(0);

    // 20 May: a chief leaves the district and is dismissed with the reason.
    at('2025-05-20');
    const may = await consoleAs(browser, server.base, 'operator', desk);
    await may.goto(url);
    await person(may, '人选21').locator('button[data-action=dismiss]').click();
    await may.fill('#dismiss_reason', '本人工作调动，离开本区');
    await submit(may);
    await person(may, '人选21').getByText('已解聘').waitFor();

    // 15 July, on a phone: the June target was missed by one village; the December target is behind by 22.
    at('2025-07-15');
    const july = await consoleAs(browser, server.base, 'operator', phone);
    await july.goto(url);
    await july.waitForSelector('text=待覆盖岗位（22 个）');
    expect(await coverage(july)).toBe('已覆盖 20 / 42 个岗位');
    await july.getByText('2025-06-30 前覆盖 50%：需 21 个，已 20 个 还差 1 个').waitFor();
    await july.getByText('2025-12-31 前覆盖 100%：需 42 个，已 20 个 还差 22 个').waitFor();
    await july.getByText('未达成').waitFor();
    await july.getByText('进度落后').waitFor();
    expect(await overflow(july)).toBeLessThanOrEqual(0);
    expect(await axe(july)).toEqual([]);
    // The paired chief's record: the project against its duty.
    await person(july, '镇推荐人选1').getByRole('button', { name: '镇推荐人选1' }).click();
    await july.locator('.ant-drawer').getByText('对应职责：项目引进').waitFor();
    expect(await overflow(july)).toBeLessThanOrEqual(0);
  }, 400_000);
});
