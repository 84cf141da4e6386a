import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowserWorld, type TestApi, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { staffWithToken } from '../staff.js';
import type { World } from '../world.js';
import { axe, consoleAs, desk, overflow, phone } from './browser.js';

// The medical-insurance window sets up a sample audit entirely in the console, at a desk and on a phone: a rubric,
// the round, the population from its own CSV (a bad file refused with its rows first), a sample by Cochran's
// formula, a panel with its conflicts of interest, the assignment, and the opening.

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;

beforeAll(async () => {
  ({ database, world, server, browser } = await setUpBrowserWorld());
  for (const [username, displayName] of [
    ['window.a', '窗口 甲'],
    ['window.b', '窗口 乙'],
    ['expert.li', '李主任医师'],
  ]) {
    await staffWithToken(server, world.tokens.admin, { username, displayName });
  }
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

/** The window's file list: `rows` certification files of the two test units. */
function populationCsv(rows: number, badUnitAt?: number) {
  const lines = ['档案号,医院,病种'];
  for (let i = 0; i < rows; i++) {
    const unit = i === badUnitAt ? '不存在的医院' : i % 3 === 0 ? world.deptB.name : world.deptA.name;
    lines.push(`TB${String(i).padStart(4, '0')},${unit},特病${String((i % 47) + 1).padStart(2, '0')}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** Chooses an option of an Ant Design select found by its label (typing into it when it searches: the list is virtual). */
async function pick(page: Page, label: string, option: string, search = false) {
  await page.getByLabel(label, { exact: true }).click();
  if (search) await page.getByLabel(label, { exact: true }).fill(option);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

async function checked(page: Page) {
  // A select's list lingers while it fades out; what is checked is the page at rest.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axe(page)).toEqual([]);
}

describe.each([
  ['desk', desk, 1, 200],
  ['phone', phone, 2, 120],
] as const)('the window sets up an audit round in the console (%s)', (_, viewport, version, rows) => {
  it('rubric, round, population, sample, panel, assignment, open', async () => {
    const page = await consoleAs(browser, server.base, 'operator', viewport);
    await page.goto(`${server.base}/console/#/assessments`);
    await page.getByRole('button', { name: '新建考评' }).click();

    // 评分细则: written here; the same name again is its next version.
    await page.getByText('编写新细则').click();
    await page.getByLabel('细则名称').fill('特病认定抽查');
    await page.getByLabel('考评方面 1 方面名称').fill('认定资料');
    await page.getByLabel('考评方面 1 考评项目 1').fill('资料真实');
    await page.getByRole('button', { name: '添加项目' }).click();
    await page.getByLabel('考评方面 1 考评项目 2').fill('所患疾病与认定病种匹配');
    if (version === 2) {
      await page.getByRole('button', { name: '添加项目' }).click();
      await page.getByLabel('考评方面 1 考评项目 3').fill('资料完整程度');
      await pick(page, '考评方面 1 评判方式 3', '打分');
      await page.getByLabel('考评方面 1 满分 3').fill('10');
      await page.getByLabel('考评方面 1 权重 3').fill('2');
    }
    await checked(page);
    await page.getByRole('button', { name: '保存细则' }).click();
    await page.waitForSelector(`text=已保存：特病认定抽查（第 ${version} 版）`);

    // The round.
    await page.getByLabel('考评名称').fill(`特病鉴定医院专项检查 ${version}`);
    await page.getByLabel('开始日期').fill('2026-12-01');
    await page.getByLabel('结束日期').fill('2026-12-15');
    await page.getByLabel('所属系列（用于年度汇总，可不填）').fill('特病认定抽查');
    await checked(page);
    await page.getByRole('button', { name: '创建考评' }).click();
    await page.waitForSelector('text=筹备步骤');
    expect(await page.textContent('.ant-steps')).toContain(`特病认定抽查（第 ${version} 版）`);

    // 总体导入: a file with a bad row is refused whole, with the row to fix; the checked file then goes in.
    await page.setInputFiles('input[type=file]', { name: '特病档案.csv', mimeType: 'text/csv', buffer: populationCsv(rows, 3) });
    await page.getByLabel('分层所在列').fill('医院');
    await page.getByLabel('责任单位所在列').fill('医院');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '预检（不写入）' }).click();
    await page.waitForSelector('text=第 5 行的单位“不存在的医院”不存在。');
    await page.waitForSelector('text=需要修改的行（整份文件未导入）');
    await checked(page);
    await page.setInputFiles('input[type=file]', { name: '特病档案.csv', mimeType: 'text/csv', buffer: populationCsv(rows) });
    await page.getByRole('button', { name: '预检（不写入）' }).click();
    await page.waitForSelector(`text=预检通过：${rows} 行全部有效，可以正式导入。`);
    await page.getByRole('button', { name: '正式导入' }).click();
    await page.waitForSelector(`text=已导入 ${rows} 条。`);
    await page.waitForSelector(`text=总体 ${rows} 条`);
    await page.getByRole('button', { name: '下一步：抽样' }).click();

    // 抽样 by Cochran's formula: the page shows the formula with this round's figures and the strata.
    await page.getByText('按公式计算').click();
    await page.getByLabel('随机种子（可不填，由系统生成）').fill('2026-12');
    await page.getByRole('button', { name: '抽取样本' }).click();
    await page.waitForSelector(`text=/从 ${rows} 个中抽取 \\d+ 个，随机种子 2026-12。/`);
    expect(await page.textContent('.ant-alert')).toContain('n0 = z²·p(1−p)/e² = 1.96²×0.9×0.1/0.05²');
    expect(await page.textContent('.ant-alert')).toContain(world.deptB.name);
    await checked(page);
    await page.getByRole('button', { name: '下一步：评审组' }).click();

    // 评审组: two clerks, the expert, and a handler of 区城市管理局 whose own unit is avoided.
    await page.waitForSelector('text=另需回避的单位');
    await pick(page, '成员 1', '窗口 甲', true);
    for (const [n, who, role] of [
      [2, '窗口 乙', '评审'],
      [3, '李主任医师', '专家'],
      [4, '测试 handlerA', '评审'],
    ] as const) {
      await page.getByRole('button', { name: '添加成员' }).click();
      await pick(page, `成员 ${n}`, who, true);
      if (role === '专家') await pick(page, `角色 ${n}`, '专家');
    }
    await page.waitForSelector(`text=本人所在单位（自动回避）：${world.deptA.name}`);
    await checked(page);
    await page.getByRole('button', { name: '保存评审组' }).click();
    await page.waitForSelector(`text=测试 handlerA 不评以下单位的对象：${world.deptA.name}`);
    await page.getByRole('button', { name: '下一步：分配' }).click();

    // 分配, then 开始评分.
    await page.getByRole('button', { name: '分配对象' }).click();
    await page.waitForSelector('text=/已分配 \\d+ 个/');
    await page.getByRole('button', { name: '下一步：开始评分' }).click();
    await page.waitForSelector('button.ant-btn:has-text("开始评分")');
    await checked(page);
    await page.locator('button.ant-btn', { hasText: '开始评分' }).click();
    await page.waitForSelector('text=考评状态已变为：评分中');
    await page.waitForSelector('button.ant-btn:has-text("结束评分")');
    await checked(page);

    const id = Number(page.url().split('/').pop());
    const round = (await server.call('GET', `/api/v1/assessments/${id}`, { token: world.tokens.operator })).body;
    expect(round).toMatchObject({ state: 'open', counts: { population: rows }, rubric: { version } });
    expect(round.panel.map((m: { name: string; role: string }) => `${m.name}:${m.role}`).sort()).toEqual(
      ['李主任医师:expert', '测试 handlerA:assessor', '窗口 乙:assessor', '窗口 甲:assessor'].sort(),
    );
    const subjects = (await server.call('GET', `/api/v1/assessments/${id}/subjects?limit=500`, { token: world.tokens.operator })).body
      .items as { unitId: number; assessorUserId: number }[];
    expect(subjects.length).toBe(round.counts.sampled);
    const handlerA = round.panel.find((m: { name: string }) => m.name === '测试 handlerA').userId;
    expect(subjects.filter((s) => s.assessorUserId === handlerA && s.unitId === world.deptA.id)).toEqual([]);
    await page.context().close();
  }, 240_000);
});
