import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../../src/modules/telephony/index.js';
import { setUpWorld, type TestApi, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { fakePbx } from '../fakes/pbx.js';
import { startTestServer } from '../http.js';
import type { World } from '../world.js';
import { axe, consoleAs, desk, ensureWebBuilt, launchBrowser, overflow, phone } from './browser.js';

// 来电弹屏: the hotline's PBX rings, the operator's intake page fills in the caller's number and shows their
// earlier demands; the demand taken is linked to the call and its slip prints alone.

const secret = 'pbx-e2e-secret';
const caller = '13900007777';
let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;
let earlier = '';

beforeAll(async () => {
  ensureWebBuilt();
  let t: Awaited<ReturnType<typeof setUpWorld>>['t'];
  ({ database, world, t } = await setUpWorld());
  server = await startTestServer(t.ctx, { publicRateLimit: 0, sqlClient: database.sqlClient, pbxSecret: secret });
  browser = await launchBrowser(t.ctx.now);
  const r = await server.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: { content: '上个月反映过的下水道堵塞', reporterPhone: caller, regionId: world.c1.id },
  });
  expect(r.status, r.text).toBe(201);
  earlier = r.body.number;
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

/**
 * The PBX rings once the page's event stream has answered, and again until the page shows it: the server starts
 * listening a moment after it has sent the stream's headers.
 */
async function ringUntilShown(page: Page, stream: Promise<unknown>) {
  await stream;
  const pbx = fakePbx(server.base, secret);
  for (let i = 0; i < 10; i++) {
    const { callId, status } = await pbx.ring({ from: caller, line: '12345-3' });
    expect(status).toBe(200);
    try {
      await page.waitForSelector('[data-testid=ringing]', { timeout: 3_000 });
      return callId;
    } catch {
      // not connected yet
    }
  }
  throw new Error('the call never rang on the page');
}

describe('a call rings on the hotline seat', () => {
  for (const [name, viewport] of [
    ['desk', desk],
    ['phone', phone],
  ] as const) {
    it(`fills the number and shows the caller's history (${name})`, async () => {
      const page = await consoleAs(browser, server.base, 'operator', viewport);
      const stream = page.waitForResponse((r) => r.url().endsWith('/api/v1/telephony/events'));
      await page.goto(`${server.base}/console/#/intake`);
      await page.waitForSelector('#reporterPhone:focus');
      const callId = await ringUntilShown(page, stream);
      expect(await page.inputValue('#reporterPhone')).toBe(caller);
      const history = page.locator('[data-testid=caller-history]');
      await history.waitFor();
      expect(await history.textContent()).toContain(earlier);
      expect(await page.locator('[data-testid=ringing]').textContent()).toContain('12345-3');
      expect(await axe(page)).toEqual([]);
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      if (name === 'desk') {
        // Tab goes on from the number to the form, not into the history's links (Enter there left the form).
        await page.focus('#reporterPhone');
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=caller-history]'))).toBe(false);
        // The operator takes it down; the demand is linked to the call and the slip is what prints.
        await page.fill('#content', '下水道又堵了，污水漫到路面');
        await page.locator('#regionId').click();
        await page.keyboard.type('lfxc');
        await page.keyboard.press('Enter');
        await page.fill('#address', '丽发新城3栋门口');
        await page.click('#intake-submit');
        const number = (await page.textContent('[data-testid=slip-number]'))!.trim();
        const slip = (await page.locator('[data-testid=slip]').textContent())!;
        expect(slip).toContain('下水道又堵了');
        expect(slip).toContain('受理人');
        expect(slip).toContain('测试 operator');
        expect(slip).toContain('受理时间');
        expect(slip).toContain('预计答复前');
        // Where, as the caller said it: the address taken down is on the slip, and its link says where it goes.
        expect(slip).toContain('地址丽发新城3栋门口');
        expect(slip).toContain('打开这件诉求');
        const [call] = await database.db.select().from(calls).where(eq(calls.callId, callId));
        const found = await server.call('GET', `/api/v1/demands?q=${number}`, { token: world.tokens.operator });
        expect(call.demandId).toBe(found.body.items[0].id);
        expect(await axe(page)).toEqual([]);

        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('#root').isVisible()).toBe(false);
        expect(await page.locator('.ant-modal').isVisible()).toBe(false);
        const printed = page.locator('.intake-slip-print');
        expect(await printed.isVisible()).toBe(true);
        expect(await printed.textContent()).toContain(number);
        await page.emulateMedia({ media: 'screen' });
      }
      await page.context().close();
    }, 90_000);
  }
});
