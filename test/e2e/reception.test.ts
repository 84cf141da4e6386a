import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowserWorld, type TestApi, tearDownBrowserWorld, worldStart } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';

// 摆桌子听意见 on a tablet whose network drops halfway: every entry arrives, exactly once.

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;

beforeAll(async () => {
  ({ database, world, server, browser } = await setUpBrowserWorld());
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

describe('reception-day batch entry', () => {
  it('keeps entries through a network cut and delivers each exactly once', async () => {
    const session = await server.call('POST', '/api/v1/reception-days', {
      token: world.tokens.operator,
      body: {
        title: '书记工作室接待日',
        regionId: world.c1.id,
        hosts: '社区书记',
        place: '党群服务中心',
        startsAt: worldStart.toISOString(),
        endsAt: new Date(worldStart.getTime() + 7_200_000).toISOString(),
      },
    });
    // axe-core goes in as an inline script: this test's pages let it past the app's Content-Security-Policy.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.base}/console/`);
    await page.fill('#username', 'operator');
    await page.fill('#password', 'password-123');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=me]');
    await page.goto(`${server.base}/console/#/reception/${session.body.id}`);
    await page.waitForSelector('#entry_content');

    const enter = async (text: string, phone: string) => {
      await page.fill('#entry_content', text);
      await page.fill('#entry_reporterPhone', phone);
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction(() => (document.querySelector('#entry_content') as HTMLTextAreaElement).value === '');
    };
    await enter('塑胶跑道破损需要翻新', '13800000001');
    await enter('公园里的路灯太少', '13800000002');
    await page.waitForSelector('text=共反映 2 件');
    await page.waitForSelector('text=全部已送达');

    await context.setOffline(true);
    await enter('绿化带有红蚂蚁', '13800000003');
    await enter('楼道堆放杂物', '13800000004');
    await page.waitForSelector('text=2 件待发送');
    await page.waitForSelector('text=网络已断开');
    // Reloading while offline would lose an in-memory queue; this one lives on the device.
    expect(
      await page.evaluate(
        () =>
          JSON.parse(localStorage.getItem('tj.reception.outbox') ?? '[]').filter((e: { status: string }) => e.status === 'pending').length,
      ),
    ).toBe(2);

    await context.setOffline(false);
    await page.waitForSelector('text=全部已送达', { timeout: 20_000 });
    await page.waitForSelector('text=共反映 4 件');

    expect(await page.locator('text=未被接受').count()).toBe(0);
    const report = await server.call('GET', `/api/v1/reception-days/${session.body.id}/report`, { token: world.tokens.operator });
    expect(report.body.counts.raised).toBe(4);
    expect(report.body.items.map((i: { title: string }) => i.title).sort()).toEqual(
      ['公园里的路灯太少', '塑胶跑道破损需要翻新', '楼道堆放杂物', '绿化带有红蚂蚁'].sort(),
    );
    const all = await server.call('GET', '/api/v1/demands?channel=reception_day&pageSize=100', { token: world.tokens.operator });
    expect(all.body.total).toBe(4);

    // Published, the session and what came of it show on the portal, with no names or phones.
    await page.click('text=公开报告');
    await page.waitForSelector('text=已公开');
    const portal = await context.newPage();
    await portal.goto(`${server.base}/#/reception`);
    await portal.click('text=查看办理情况');
    await portal.waitForSelector('text=共反映 4 件');
    expect(await portal.content()).not.toContain('13800000001');
    await portal.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await portal.evaluate(async () =>
      (await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id),
    );
    expect(violations).toEqual([]);
    await context.close();
  }, 90_000);
});
