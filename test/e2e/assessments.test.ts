import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowserWorld, type TestApi, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { staffWithToken } from '../staff.js';
import type { World } from '../world.js';
import { axe, consoleAs, desk, phone } from './browser.js';

// A sample audit in the browser, through each part: the organiser, an assessor scoring on a phone (with the
// signal dropping), the expert deciding a hard case, the assessed unit reporting and rectifying.

const shots = process.env.TINGJIAN_SCREENSHOTS === '1' ? 'docs/screenshots' : join(tmpdir(), 'tingjian-screenshots');

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;
let id = 0;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ database, world, server, browser } = await setUpBrowserWorld());
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

const signIn = (username: string, viewport = desk) => consoleAs(browser, server.base, username, viewport);

/** How far the page reaches past the screen's right edge, and the widest offenders (for the failure message). */
const overflow = async (page: Page) => {
  const r = await page.evaluate(() => ({
    by: document.documentElement.scrollWidth - window.innerWidth,
    what: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(-3)
      .map((e) => `${e.tagName}.${String(e.className).slice(0, 40)}`),
  }));
  expect(r.what, 'elements past the right edge').toEqual([]);
  return r.by;
};

describe('考评 in the browser', () => {
  it('sets up a sample audit through the API', async () => {
    const op = world.tokens.operator;
    await staffWithToken(server, world.tokens.admin, { username: 'assessor1', displayName: '窗口 甲' });
    const expert = await staffWithToken(server, world.tokens.admin, { username: 'expert1', displayName: '李主任医师' });
    const assessor = (await server.call('GET', '/api/v1/users', { token: world.tokens.admin })).body.items.find(
      (u: { username: string }) => u.username === 'assessor1',
    );
    const rubric = await server.call('POST', '/api/v1/assessment-rubrics', {
      token: op,
      body: {
        name: '特病认定抽查',
        aspects: [
          {
            key: 'file',
            name: '认定资料',
            items: [
              { key: 'authentic', name: '资料真实', kind: 'pass_fail' },
              { key: 'matched', name: '病种匹配', kind: 'pass_fail' },
              { key: 'timely', name: '认定及时', kind: 'pass_fail' },
            ],
          },
        ],
      },
    });
    const round = await server.call('POST', '/api/v1/assessments', {
      token: op,
      body: {
        kind: 'audit',
        title: '特病认定专项检查',
        regionId: world.district.id,
        rubricId: rubric.body.id,
        startsOn: '2026-12-01',
        endsOn: '2026-12-15',
        assignment: 'balanced',
      },
    });
    id = round.body.id;
    const csv = [
      '档案号,单位',
      'TB001,区城市管理局',
      'TB002,区城市管理局',
      'TB003,区城市管理局',
      'TB004,区自来水公司',
      'TB005,区自来水公司',
      'TB006,区自来水公司',
    ].join('\n');
    await server.call('POST', `/api/v1/assessments/${id}/population`, {
      token: op,
      body: { format: 'csv', data: csv, columns: { ref: '档案号', stratum: '单位', unit: '单位' } },
    });
    await server.call('POST', `/api/v1/assessments/${id}/sample`, { token: op, body: { size: 4, seed: 'browser' } });
    await server.call('POST', `/api/v1/assessments/${id}/panel`, {
      token: op,
      body: {
        members: [
          { userId: assessor.id, role: 'assessor' },
          { userId: expert.id, role: 'expert' },
        ],
      },
    });
    await server.call('POST', `/api/v1/assessments/${id}/assign`, { token: op });
    expect((await server.call('POST', `/api/v1/assessments/${id}/open`, { token: op })).body.state).toBe('open');
  });

  it('the assessed unit finds the round on a phone and files its self-inspection', async () => {
    const page = await signIn('handlerA', phone);
    await page.goto(`${server.base}/console/#/assessments`);
    await page.getByRole('link', { name: '特病认定专项检查' }).click();
    await page.waitForSelector('text=提交自查报告');
    await page.getByLabel('报告内容').fill('已对照认定标准完成自查自纠，整改 3 份。');
    await page.getByRole('button', { name: /^提\s?交$/ }).click();
    await page.waitForSelector('text=报告已提交。');
    await page.screenshot({ path: `${shots}/assessment-assessed-phone.png`, fullPage: true });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
  });

  it('an assessor scores on a phone; a score saved while offline is sent when the signal returns', async () => {
    const page = await signIn('assessor1', phone);
    await page.goto(`${server.base}/console/#/score/${id}`);
    const cards = page.locator('.ant-card');
    await expect.poll(() => cards.count()).toBe(4);
    for (let n = 0; n < 4; n++) {
      const card = cards.nth(n);
      for (const item of ['资料真实', '病种匹配', '认定及时']) {
        const fail = n === 0 && item === '认定及时';
        await card
          .getByRole('radiogroup', { name: item })
          .getByText(fail ? '不合格' : '合格', { exact: true })
          .click();
        if (fail) await card.getByLabel('认定及时 不合格原因').fill('超过规定时限认定');
      }
      if (n === 3) await page.context().setOffline(true);
      await card.getByRole('button', { name: '保存评分' }).click();
    }
    await page.waitForSelector('text=1 份评分待发送，联网后自动发送');
    await page.context().setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForSelector('text=评分已全部发送');
    await page.screenshot({ path: `${shots}/assessment-score-phone.png`, fullPage: true });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    const results = await server.call('GET', `/api/v1/assessments/${id}/results`, { token: world.tokens.operator });
    expect(results.body.qualification).toMatchObject({ assessed: 4, qualified: 3 });
  });

  it('the expert decides a hard case referred to the panel', async () => {
    const subjects = (await server.call('GET', `/api/v1/assessments/${id}/subjects`, { token: world.tokens.operator })).body.items;
    const consult = await server.call('POST', `/api/v1/assessments/${id}/consultations`, {
      token: world.tokens.operator,
      body: { subjectId: subjects[1].id, itemKey: 'matched', question: '诊断依据是否足以认定该病种？' },
    });
    expect(consult.status, consult.text).toBe(201);
    const page = await signIn('expert1');
    await page.goto(`${server.base}/console/#/assessments/${id}`);
    await page.waitForSelector('text=专家会诊');
    await page.getByRole('radiogroup', { name: '会诊结论' }).getByText('合格', { exact: true }).click();
    await page.getByRole('textbox', { name: '会诊结论' }).fill('治疗记录支持该病种认定');
    await page.getByRole('button', { name: '出具结论' }).click();
    await page.waitForSelector('text=已出结论');
    await page.screenshot({ path: `${shots}/assessment-expert.png`, fullPage: true });
    expect(await axe(page)).toEqual([]);
  });

  it('the organiser closes scoring, reads the rate and its chart, and opens rectification', async () => {
    const page = await signIn('operator');
    await page.goto(`${server.base}/console/#/assessments/${id}`);
    await page.getByRole('button', { name: '结束评分' }).click();
    await page.waitForSelector('text=考评状态已变为：已结束');
    await page.waitForSelector('svg[role=img][aria-label=分层结果]');
    expect(await page.textContent('.ant-statistic')).toContain('75');
    await page.getByRole('button', { name: '为不合格项发起整改' }).click();
    await page.waitForSelector('text=超过规定时限认定');
    await page.screenshot({ path: `${shots}/assessment-organiser.png`, fullPage: true });
    expect(await axe(page)).toEqual([]);
  });

  it('the unit reports its rectification and the organiser closes it on re-check', async () => {
    const tasks = (await server.call('GET', `/api/v1/rectification-tasks?assessmentId=${id}`, { token: world.tokens.operator })).body.items;
    const owner = tasks[0].ownerUnitId === world.deptA.id ? 'handlerA' : 'handlerB';
    const unit = await signIn(owner, phone);
    await unit.goto(`${server.base}/console/#/assessments/${id}`);
    await unit.getByLabel('整改情况').fill('已补充认定时限说明并完成培训');
    await unit.getByRole('button', { name: '提交整改情况' }).click();
    await unit.waitForSelector('text=待复查');
    expect(await overflow(unit)).toBeLessThanOrEqual(0);
    const organiser = await signIn('operator');
    await organiser.goto(`${server.base}/console/#/assessments/${id}`);
    await organiser.getByRole('button', { name: '复查通过' }).click();
    await organiser.waitForSelector('text=已销号');
  });
  it('residents read the published result on the portal: the rate and its interval, no files', async () => {
    expect((await server.call('POST', `/api/v1/assessments/${id}/publish`, { token: world.tokens.operator })).status).toBe(200);
    const context = await browser.newContext({ viewport: phone, locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.base}/#/results`);
    await page.getByRole('button', { name: '查看结果' }).click();
    await page.waitForSelector('text=合格率 75%');
    expect(await page.textContent('body')).not.toMatch(/TB00\d/);
    await page.screenshot({ path: `${shots}/portal-results.png`, fullPage: true });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
  });
});
