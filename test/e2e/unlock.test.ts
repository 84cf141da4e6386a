// 短信解锁 by clicking, on a phone's 390 px: someone's wrong passwords have locked a window clerk's account; the
// sign-in page says so and opens the unlock form, the clerk asks for a code, types it from the text and signs in.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowserWorld, type TestApi, tearDownBrowserWorld } from '../api-world.js';
import { lastCodeTo, otherThan } from '../codes.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';
import { axe, phone, screenProblems, settle } from './browser.js';

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;

beforeAll(async () => {
  ({ database, world, server, browser } = await setUpBrowserWorld());
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

describe('unlocking an account by its phone', () => {
  it('from the sign-in page, at 390 px, in Chinese', async () => {
    const made = await server.call('POST', '/api/v1/users', {
      token: world.tokens.admin,
      body: {
        username: 'li.window',
        displayName: '李窗口',
        password: 'password-123',
        phone: '13700006666',
        roles: [{ role: 'operator', regionId: world.t1.id }],
      },
    });
    expect([201, 409], made.text).toContain(made.status); // 409: the account a first try of this test made
    for (let i = 0; i < 10; i++)
      await server.call('POST', '/api/v1/auth/login', { body: { username: 'li.window', password: 'someone-guessing' } });

    const page = await (await browser.newContext({ viewport: phone, locale: 'zh-CN', bypassCSP: true })).newPage();
    page.setDefaultTimeout(45_000);
    await page.goto(`${server.base}/console/`);
    await page.fill('#username', 'li.window');
    await page.fill('#password', 'password-123');
    await page.click('button[type=submit]');
    await page.getByText(/尝试次数过多/).waitFor();
    // The lock opens the unlock form by itself, the username carried over.
    await page.getByRole('heading', { name: '短信解锁' }).waitFor();
    expect(await page.inputValue('#unlock_username')).toBe('li.window');
    expect(await screenProblems(page)).toEqual([]);
    const a11y = await axe(page);
    expect(a11y, a11y.join('\n')).toEqual([]);

    await page.click('button[data-action=send-unlock-code]');
    await page.getByText('如该账号登记了手机，验证码已发出').waitFor();
    const code = await lastCodeTo(database.db, '13700006666');
    await page.fill('#unlock_code', otherThan(code));
    await page.click('button[data-action=unlock]');
    await page.getByRole('alert').getByText('验证码不正确或已过期').waitFor();
    await page.fill('#unlock_code', code);
    await page.click('button[data-action=unlock]');
    await page.getByText('已解锁，请用密码重新登录。').waitFor();

    await page.fill('#password', 'password-123');
    await settle(page);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=me]');
    expect(await screenProblems(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
