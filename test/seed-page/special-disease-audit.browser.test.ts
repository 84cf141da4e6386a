// The seed page's special-disease (特病) audit again, its set-up clicked through the console by the medical-insurance
// window: the rubric, the round of 15 days, 12,000 certification files from the window's CSV, 3,313 drawn in proportion
// to each hospital from a recorded seed, three clerks (one seconded from the people's hospital, who never gets its
// files) and an expert, the assignment, the opening. The clerks' 3,313 checks go through the API as their phones would
// send them; a clerk refers a hard case in the console; the window closes scoring there and reads 99% qualified.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowserWorld, type TestApi, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { axe, consoleAs, desk, overflow } from '../e2e/browser.js';
import { staffWithToken, unitViaApi } from '../staff.js';
import type { World } from '../world.js';

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;

beforeAll(async () => {
  ({ database, world, server, browser } = await setUpBrowserWorld(new Date('2025-03-03T01:00:00Z')));
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

const hospitals = ['区人民医院', '区中医院', '重庆永荣矿业有限公司总医院'];
const populationSize = 12_000;

/** The window's file list: 12,000 certification files over three hospitals and 47 types, as a CSV export. */
function populationCsv() {
  const lines = ['档案号,医院,病种,险种,申请日期,认定日期'];
  for (let i = 0; i < populationSize; i++) {
    const h = i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2;
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(
      `TB${String(i).padStart(6, '0')},${hospitals[h]},特病${String((i % 47) + 1).padStart(2, '0')},${i % 3 === 0 ? '职工医保' : '居民医保'},2024-${month}-05,2024-${month}-12`,
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

async function pick(page: Page, label: string, option: string, search = false) {
  await page.getByLabel(label, { exact: true }).click();
  if (search) await page.getByLabel(label, { exact: true }).fill(option);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

async function checked(page: Page) {
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').length === 0);
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  expect(await axe(page)).toEqual([]);
}

type Subject = { id: number; ref: string; unitId: number };

async function allSubjects(token: string, id: number, mine = false) {
  const out: Subject[] = [];
  let after = 0;
  for (;;) {
    const page = await server.call('GET', `/api/v1/assessments/${id}/subjects?limit=500&after=${after}${mine ? '&mine=true' : ''}`, {
      token,
    });
    out.push(...page.body.items);
    if (page.body.next === null) return out;
    after = page.body.next;
  }
}

describe('特病认定专项检查, set up in the console', () => {
  it('the window sets up the round, the clerks check 3,313 files, and the window closes it at 99% qualified', async () => {
    const admin = world.tokens.admin;
    const unitIds: number[] = [];
    for (const name of hospitals) unitIds.push(await unitViaApi(server, admin, name));
    const clerks = [
      await staffWithToken(server, admin, { username: 'window.a', displayName: '窗口 甲' }),
      await staffWithToken(server, admin, { username: 'window.b', displayName: '窗口 乙' }),
      await staffWithToken(server, admin, { username: 'window.c', displayName: '窗口 丙（原区人民医院借调）' }),
    ];
    const expert = await staffWithToken(server, admin, { username: 'expert.li', displayName: '李主任医师' });

    const page = await consoleAs(browser, server.base, 'operator', desk);
    await page.goto(`${server.base}/console/#/assessments`);
    await page.getByRole('button', { name: '新建考评' }).click();
    await page.getByText('编写新细则').click();
    await page.getByLabel('细则名称').fill('特病认定抽查');
    await page.getByLabel('考评方面 1 方面名称').fill('认定资料');
    for (const [n, item] of ['资料真实', '所患疾病与认定病种匹配', '认定及时'].entries()) {
      if (n > 0) await page.getByRole('button', { name: '添加项目' }).click();
      await page.getByLabel(`考评方面 1 考评项目 ${n + 1}`).fill(item);
    }
    await page.getByRole('button', { name: '保存细则' }).click();
    await page.waitForSelector('text=已保存：特病认定抽查（第 1 版）');
    await page.getByLabel('考评名称').fill('特病鉴定医院专项检查');
    await page.getByLabel('开始日期').fill('2025-03-03');
    await page.getByLabel('结束日期').fill('2025-03-17'); // 为期 15 天
    await pick(page, '评分方式', '同层尽量同人');
    await page.getByLabel('所属系列（用于年度汇总，可不填）').fill('特病认定抽查');
    await page.getByLabel('期别（如 2025 第一季度，可不填）').fill('2025 专项');
    await page.getByRole('button', { name: '创建考评' }).click();
    await page.waitForSelector('text=筹备步骤');
    const id = Number(page.url().split('/').pop());

    // The population: a check first shows the strata and writes nothing.
    await page.setInputFiles('input[type=file]', { name: '特病认定档案.csv', mimeType: 'text/csv', buffer: populationCsv() });
    await page.getByLabel('分层所在列').fill('医院');
    await page.getByLabel('责任单位所在列').fill('医院');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '预检（不写入）' }).click();
    await page.waitForSelector('text=预检通过：12000 行全部有效，可以正式导入。');
    expect(await page.textContent('.ant-alert')).toContain('区人民医院 6000');
    expect((await server.call('GET', `/api/v1/assessments/${id}`, { token: world.tokens.operator })).body.counts.population).toBe(0);
    await page.getByRole('button', { name: '正式导入' }).click();
    await page.waitForSelector('text=已导入 12000 条。');
    await page.getByRole('button', { name: '下一步：抽样' }).click();

    // 3,313 files in proportion to each hospital's, from a recorded seed.
    await page.getByLabel('抽取数量').fill('3313');
    await page.getByLabel('随机种子（可不填，由系统生成）').fill('2025-special');
    await page.getByRole('button', { name: '抽取样本' }).click();
    await page.waitForSelector('text=从 12000 个中抽取 3313 个，随机种子 2025-special。');
    const strata = await page.locator('.ant-alert tbody tr.ant-table-row').allTextContents();
    expect(strata).toEqual(['区中医院3600994', '区人民医院60001656', '重庆永荣矿业有限公司总医院2400663']);
    await checked(page);
    await page.getByRole('button', { name: '下一步：评审组' }).click();

    // The clerks and the expert; the clerk seconded from the people's hospital declares it.
    await page.waitForSelector('text=另需回避的单位');
    await pick(page, '成员 1', '窗口 甲', true);
    for (const [n, who] of [
      [2, '窗口 乙'],
      [3, '窗口 丙'],
      [4, '李主任医师'],
    ] as const) {
      await page.getByRole('button', { name: '添加成员' }).click();
      await pick(page, `成员 ${n}`, who, true);
    }
    await pick(page, '另需回避的单位 3', '区人民医院', true);
    await pick(page, '角色 4', '专家');
    await page.getByRole('button', { name: '保存评审组' }).click();
    await page.waitForSelector('text=窗口 丙（原区人民医院借调） 不评以下单位的对象：区人民医院');
    await page.getByRole('button', { name: '下一步：分配' }).click();
    await page.getByRole('button', { name: '分配对象' }).click();
    await page.waitForSelector('text=已分配 3313 个');
    await page.getByRole('button', { name: '下一步：开始评分' }).click();
    await page.locator('button.ant-btn', { hasText: '开始评分' }).click();
    await page.waitForSelector('text=考评状态已变为：评分中');
    await checked(page);

    const byClerk = await Promise.all(clerks.map((c) => allSubjects(c.token, id, true)));
    expect(byClerk[2].some((s) => s.unitId === unitIds[0])).toBe(false);
    expect(byClerk.flat()).toHaveLength(3_313);

    // The rubric's items as the console keyed them: 资料真实, 所患疾病与认定病种匹配, 认定及时.
    const [authentic, matched, timely] = (
      await server.call('GET', `/api/v1/assessments/${id}`, { token: world.tokens.operator })
    ).body.rubric.aspects[0].items.map((i: { key: string }) => i.key) as string[];
    const itemKey = matched;

    // The clerks' checks: 31 files fail outright; 6 hard cases leave the disease match to the experts.
    const referredHere = byClerk[0][0];
    const ordered = byClerk
      .flat()
      .filter((s) => s.id !== referredHere.id)
      .sort((a, b) => (a.ref < b.ref ? -1 : 1));
    const hard = [referredHere, ...ordered.slice(31, 36)];
    const fails = new Map(ordered.slice(0, 31).map((s, i) => [s.id, i < 12 ? timely : i < 23 ? matched : authentic]));
    const hardIds = new Set(hard.map((s) => s.id));
    for (const [n, mine] of byClerk.entries()) {
      for (let i = 0; i < mine.length; i += 500) {
        const entries = mine.slice(i, i + 500).map((s) => ({
          subjectId: s.id,
          items: (hardIds.has(s.id) ? [authentic, timely] : [authentic, matched, timely]).map((k) =>
            fails.get(s.id) === k ? { itemKey: k, passed: false, reason: '核查不符' } : { itemKey: k, passed: true },
          ),
        }));
        const sent = await server.call('POST', `/api/v1/assessments/${id}/scores`, { token: clerks[n].token, body: { entries } });
        expect(sent.status, sent.text).toBe(200);
      }
    }

    // Clerk 甲 refers one hard case in the console; the other five go from the clerks' phones.
    const clerk = await consoleAs(browser, server.base, 'window.a', desk);
    await clerk.goto(`${server.base}/console/#/assessments/${id}`);
    await clerk.getByRole('button', { name: '提请专家会诊' }).click();
    await pick(clerk, '考评对象', referredHere.ref, true);
    await pick(clerk, '考评项目', '所患疾病与认定病种匹配');
    await clerk.getByLabel('需要专家判断的问题').fill('诊断依据是否足以认定该病种？');
    await clerk.getByRole('button', { name: '提交会诊' }).click();
    await clerk.waitForSelector('text=已提请专家会诊。');
    await checked(clerk);
    const consultations: number[] = [];
    for (const s of hard.slice(1)) {
      const r = await server.call('POST', `/api/v1/assessments/${id}/consultations`, {
        token: clerks[0].token,
        body: { subjectId: s.id, itemKey, question: '诊断依据是否足以认定该病种？' },
      });
      expect(r.status, r.text).toBe(201);
    }
    const round = (await server.call('GET', `/api/v1/assessments/${id}`, { token: world.tokens.operator })).body;
    consultations.push(...round.consultations.map((c: { id: number }) => c.id));
    expect(consultations).toHaveLength(6);
    for (const [i, c] of consultations.entries()) {
      const decided = await server.call('POST', `/api/v1/assessment-consultations/${c}/decision`, {
        token: expert.token,
        body: { passed: i < 4, finding: i < 4 ? '治疗记录支持该病种认定' : '治疗记录不支持该病种认定' },
      });
      expect(decided.status, decided.text).toBe(200);
    }

    // The window closes scoring in the console and reads the result: 3,280 of 3,313, 99.0% [98.6%, 99.3%].
    await page.reload();
    await page.getByRole('button', { name: '结束评分' }).click();
    await page.waitForSelector('text=考评状态已变为：已结束');
    await page.waitForSelector('text=95% 置信区间 98.6% – 99.3%');
    expect(await page.textContent('.ant-statistic')).toContain('99');
    await checked(page);
  }, 600_000);
});
