// 一屏's map in a real browser, on the demo district: the demo's schematic boundaries drawn by ECharts from
// the server's GeoJSON (labelled 示意边界), at a desk's 1280 px and a phone's 390 px, and a click on a
// community opening the demand list filtered to it.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, loadDemo } from '../../src/demo/load-demo.js';
import { worldStart } from '../api-world.js';
import { openTestDatabase, type TestDatabase, testContext } from '../db.js';
import { startTestServer } from '../http.js';
import { desk, ensureWebBuilt, launchBrowser, overflow, phone, settle } from './browser.js';

let database: TestDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuilt();
  database = await openTestDatabase();
  const { ctx } = testContext(database, worldStart);
  await loadDemo(ctx, { sharedDataDir: '/nonexistent' });
  server = await startTestServer(ctx, { publicRateLimit: 0, sqlClient: database.sqlClient });
  browser = await launchBrowser(ctx.now);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

async function leader(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(45_000);
  await page.goto(`${server.base}/console/`);
  await page.fill('#username', 'admin');
  await page.fill('#password', demoPassword);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=me]');
  return page;
}

/** Clicks a point of an element once its box holds still; clicks again if the page has not gone where it should. */
async function clickWhenStill(page: Page, target: Locator, x: number, y: number, url: RegExp) {
  for (let attempt = 0; attempt < 3; attempt++) {
    let box = await target.boundingBox();
    await expect
      .poll(
        async () => {
          const before = box;
          box = await target.boundingBox();
          return JSON.stringify(box) === JSON.stringify(before);
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBe(true);
    await settle(page);
    await page.mouse.click(box!.x + box!.width * x, box!.y + box!.height * y);
    if (
      await page.waitForURL(url, { timeout: 10_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error(`three clicks on the map did not open ${url}`);
}

describe('the district map on 一屏', () => {
  for (const [name, viewport] of [
    ['desk', desk],
    ['phone', phone],
  ] as const) {
    it(`draws the demo's schematic boundaries and opens a community's list (${name}, ${viewport.width} px)`, async () => {
      const page = await leader(viewport);
      const drawn = page.waitForResponse((r) => r.url().includes('/api/v1/gazetteer/boundaries') && r.status() === 200);
      await page.goto(`${server.base}/console/#/dashboard`);
      const boundaries = await (await drawn).json();
      expect(boundaries.schematic).toBe(true);
      expect(boundaries.features.length).toBeGreaterThan(40);
      await page.waitForSelector('[data-testid=district-map] svg path');
      expect(await page.locator('[data-testid=map-schematic]').textContent()).toBe('示意边界');
      // One shape per community at least (paths also draw the points).
      expect(await page.locator('[data-testid=district-map] svg path').count()).toBeGreaterThan(40);
      // The townships are named on the map, so that a place is found by its name.
      await page
        .locator('[data-testid=district-map] svg text', { hasText: viewport === desk ? '昌元街道' : '昌元' })
        .first()
        .waitFor();
      if (viewport === desk) expect(await page.locator('[data-testid=district-map] svg text').count()).toBeGreaterThanOrEqual(21);
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      // The map keeps its aspect: aim at a third of the way across its middle row of townships, once the page
      // around it has stopped moving (the charts above it fill in as their data arrives).
      const map = page.locator('[data-testid=district-map]');
      await map.scrollIntoViewIfNeeded();
      const listed = page.waitForResponse((r) => /\/api\/v1\/demands\?.*regionId=\d+/.test(r.url()) && r.status() === 200);
      listed.catch(() => undefined); // awaited below; a failure before then must not surface as an unhandled rejection
      await clickWhenStill(page, map, 0.37, 0.5, /#\/list\/region-\d+/);
      const regionId = Number(/region-(\d+)/.exec(page.url())![1]);
      expect(new URL((await listed).url()).searchParams.get('regionId')).toBe(String(regionId));
      const regions = (await (await page.request.get(`${server.base}/api/v1/regions`)).json()).items;
      expect(regions.find((r: { id: number }) => r.id === regionId).level).toBe('community');
      await page.context().close();
    }, 120_000);
  }
});
