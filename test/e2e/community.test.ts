import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../src/modules/notifications/index.js';
import { setUpBrowserWorld, type TestApi, type TestClock, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';
import { axe, overflow } from './browser.js';

// Courses in the browser: a resident enrols on the portal in elderly mode on a phone, a full class puts the next one on
// the wait-list, a learner checks in by the QR's page and rates the lesson; the console shows the codes to print and
// the coverage of 产业村长 against its targets as a chart.

const shots = process.env.TINGJIAN_SCREENSHOTS === '1' ? 'docs/screenshots' : join(tmpdir(), 'tingjian-screenshots');

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;
let t: TestClock;
let courseId = 0;
let programmeId = 0;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ database, world, server, browser, t } = await setUpBrowserWorld());
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

const phone = { width: 390, height: 844 };

async function portal(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: phone, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.base}/${path}`);
  return page;
}

async function lastCode(phoneNumber: string) {
  const [m] = await database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, phoneNumber))
    .orderBy(desc(outboxMessages.id))
    .limit(1);
  return m.body.match(/(\d{6})/)![1];
}

describe('课程培训 and 产业村长 in the browser', () => {
  it('sets up a two-place course and a village programme through the API', async () => {
    const start = t.ctx.now().getTime() - 5 * 60_000;
    const course = await server.call('POST', '/api/v1/courses', {
      token: world.tokens.operator,
      body: {
        title: '手机摄影与后期',
        organiser: '团区委 · 党群服务中心',
        venue: '党群服务中心 青年夜校美育教室',
        regionId: world.t1.id,
        audience: 'open',
        capacity: 2,
        description: '用手机拍出好照片，学会简单修图。',
        sessions: [
          {
            topic: '第一课：构图与光线',
            place: '美育教室',
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 90 * 60_000).toISOString(),
          },
        ],
      },
    });
    expect(course.status, course.text).toBe(201);
    courseId = course.body.id;
    const programme = await server.call('POST', '/api/v1/appointment-programmes', {
      token: world.tokens.operator,
      body: {
        name: '产业村长',
        regionId: world.district.id,
        postKind: 'village',
        rules: '办法',
        duties: ['项目引进'],
        targets: [
          { by: '2026-06-30', share: 0.5 },
          { by: '2026-12-31', share: 1 },
        ],
        termMonths: 36,
      },
    });
    programmeId = programme.body.id;
    const nominated = await server.call('POST', `/api/v1/appointment-programmes/${programmeId}/candidates`, {
      token: world.tokens.operator,
      body: { candidates: [{ postRegionId: world.c3.id, name: '张村长', background: '农技专家', nominatedBy: 'township' }] },
    });
    await server.call('POST', `/api/v1/appointees/${nominated.body.ids[0]}/review`, {
      token: world.tokens.operator,
      body: { approved: true },
    });
    await server.call('POST', `/api/v1/appointment-programmes/${programmeId}/decisions`, {
      token: world.tokens.operator,
      body: { appointeeIds: nominated.body.ids, on: '2026-03-27', letterPrefix: '聘' },
    });
  });

  it('an elderly resident enrols on a phone with a text-message code', async () => {
    const page = await portal('#/courses');
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.getByRole('button', { name: '我要报名' }).click();
    await page.getByLabel('姓名').fill('王阿姨');
    await page.getByLabel('手机号').fill('13912340001');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.waitForSelector('text=验证码已发送');
    await page.getByLabel('短信验证码').fill(await lastCode('13912340001'));
    await page.getByRole('button', { name: '确认' }).click();
    await page.waitForSelector('text=报名成功！上课前会短信提醒您。');
    await page.screenshot({ path: `${shots}/portal-courses-elderly.png`, fullPage: true });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
  });

  it('when the class is full the next resident is put on the wait-list and told their place', async () => {
    await server.call('POST', `/api/v1/courses/${courseId}/enrolments`, {
      token: world.tokens.operator,
      body: { name: '李大爷', phone: '13912340002' },
    });
    const page = await portal('#/courses');
    await page.getByRole('button', { name: '名额已满，我要候补' }).click();
    await page.getByLabel('姓名').fill('赵同学');
    await page.getByLabel('手机号').fill('13912340003');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.waitForSelector('text=验证码已发送');
    await page.getByLabel('短信验证码').fill(await lastCode('13912340003'));
    await page.getByRole('button', { name: '确认' }).click();
    await page.waitForSelector('text=您是候补第 1 位');
  });

  it('a learner checks in from the QR’s page and rates the lesson', async () => {
    const course = (await server.call('GET', `/api/v1/courses/${courseId}`, { token: world.tokens.operator })).body;
    const page = await portal(`#/checkin/${course.sessions[0].checkinCode}`);
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.waitForSelector('text=第一课：构图与光线');
    // A new phone holds no enrolment receipt: the learner proves the enrolled number by a code.
    await page.getByLabel('手机号').fill('13912340001');
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.waitForSelector('text=验证码已发送');
    await page.getByLabel('短信验证码').fill(await lastCode('13912340001'));
    await page.getByRole('button', { name: '确认' }).click();
    await page.waitForSelector('text=签到成功');
    expect(await page.locator('body').textContent()).not.toContain('王阿姨');
    await page.getByRole('button', { name: '5 分' }).click();
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.waitForSelector('text=谢谢您的评价！');
    await page.screenshot({ path: `${shots}/portal-checkin.png`, fullPage: true });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axe(page)).toEqual([]);
    const report = (await server.call('GET', `/api/v1/courses/${courseId}/report`, { token: world.tokens.operator })).body;
    expect(report.sessions[0].present).toBe(1);
    expect(report.feedback).toEqual({ responses: 1, meanRating: 5 });
  });

  it('the console shows the check-in codes to print and the coverage chart with its targets', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.base}/console/`);
    await page.fill('#username', 'operator');
    await page.fill('#password', 'password-123');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=me]');
    await page.goto(`${server.base}/console/#/courses/${courseId}`);
    await page.waitForSelector('img[alt="“第一课：构图与光线”签到二维码"]');
    expect(await axe(page)).toEqual([]);
    await page.goto(`${server.base}/console/#/appointments/${programmeId}`);
    await page.waitForSelector('svg[role=img][aria-label=逐月覆盖率与目标]');
    await page.waitForSelector('text=已覆盖 1 / 1 个岗位');
    await page.screenshot({ path: `${shots}/console-coverage.png`, fullPage: true });
    expect(await axe(page)).toEqual([]);
  });
});
