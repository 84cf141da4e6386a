import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowserWorld, type TestApi, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import { tinyPng, type World } from '../world.js';
import { act, axe, settle } from './browser.js';

// The whole loop in a real browser: a resident submits on the portal, staff work it in the
// console, the resident sees the answer. Plus elderly mode, access control, escaping and axe.

// Screenshots for the README when asked (TINGJIAN_SCREENSHOTS=1), else to a scratch folder.
const shots = process.env.TINGJIAN_SCREENSHOTS === '1' ? 'docs/screenshots' : join(tmpdir(), 'tingjian-screenshots');
const scriptTitle = '<script>window.__pwned = 1</script>路灯不亮';

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;
let number = '';
let demandId = 0;
const dialogs: string[] = [];

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ database, world, server, browser } = await setUpBrowserWorld());
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

async function newPage(viewport = { width: 1280, height: 860 }): Promise<Page> {
  // axe-core is injected as an inline script: this test's pages let it past the Content-Security-Policy the app sends.
  const context = await browser.newContext({ viewport, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  // As consoleAs: a loaded machine may take many seconds a step.
  page.setDefaultTimeout(45_000);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return page;
}

async function staff(username: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${server.base}/console/`);
  await page.fill('#username', username);
  await page.fill('#password', 'password-123');
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=me]');
  return page;
}

describe('the loop in the browser', () => {
  it('a resident submits on the portal and gets a number and a query code', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${server.base}/`);
    await page.fill('#content', `${scriptTitle}。小区门口的路灯坏了一周。`);
    await page.selectOption('#township', String(world.t1.id));
    await page.selectOption('#community', String(world.c1.id));
    await page.fill('#phone', '13912345678');
    await page.screenshot({ path: `${shots}/portal-submit.png`, fullPage: true });
    expect(await axe(page)).toEqual([]);
    await page.click('button[type=submit]');
    number = (await page.textContent('[data-testid=demand-number]'))!.trim();
    expect(number).toMatch(/^\d{14}$/);
    expect(await page.textContent('[data-testid=query-code]')).toMatch(/^\d{6}$/);
    await page.screenshot({ path: `${shots}/portal-receipt.png`, fullPage: true });
    await page.context().close();
  });

  it('an operator finds it; the script in its text shows as text', async () => {
    const page = await staff('operator');
    await page.fill('input[aria-label="搜索标题、内容或编号"]', number);
    await page.keyboard.press('Enter');
    await page.click(`text=${number}`);
    await page.waitForSelector('[data-testid=demand-title]');
    demandId = Number(page.url().split('/').pop());
    expect(await page.textContent('[data-testid=demand-title]')).toBe(scriptTitle);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await axe(page)).toEqual([]);
    // By a word: the list marks it in the title, the script still text.
    await page.goBack();
    await page.fill('input[aria-label="搜索标题、内容或编号"]', '路灯不亮');
    await page.keyboard.press('Enter');
    await page.waitForSelector('td mark');
    expect(await page.textContent('td mark')).toBe('路灯不亮');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.context().close();
  });

  it('a dispatcher dispatches, the handler acknowledges and replies, the operator calls back and closes', async () => {
    const dispatcher = await staff('dispatcher');
    await dispatcher.screenshot({ path: `${shots}/console-queue.png` });
    expect(await axe(dispatcher)).toEqual([]);
    await dispatcher.goto(`${server.base}/console/#/demand/${demandId}`);
    await dispatcher.waitForSelector('[data-testid=suggestions]');
    await act(dispatcher, 'dispatch', async () => {
      await dispatcher.click('#unitId');
      await dispatcher.keyboard.type('城市管理');
      await dispatcher.keyboard.press('Enter');
    });
    expect(await dispatcher.textContent('[data-testid=demand-state]')).toBe('已派单');
    // The toast says where it went and by when; the timeline says the same.
    await dispatcher.getByText(/已派单给区城市管理局，签收时限/).waitFor();
    expect(await dispatcher.locator('.event-detail').first().textContent()).toBe('派至区城市管理局');
    await dispatcher.context().close();

    const handler = await staff('handlerA');
    await handler.goto(`${server.base}/console/#/demand/${demandId}`);
    await act(handler, 'acknowledge');
    await act(handler, 'reply', () => handler.fill('#reply', '路灯已于今日修复，感谢反映。'));
    expect(await handler.textContent('[data-testid=demand-state]')).toBe('已答复');
    await handler.waitForSelector('.ant-modal-wrap', { state: 'hidden' }).catch(() => undefined);
    await handler.screenshot({ path: `${shots}/console-detail.png`, fullPage: true });
    await handler.context().close();

    const operator = await staff('operator');
    await operator.goto(`${server.base}/console/#/demand/${demandId}`);
    await operator.click('button[data-action="callback"]');
    // Nothing is ticked for the operator: 已解决 is the resident's answer, asked each time.
    expect(await operator.getByRole('radio', { name: '已解决', exact: true }).isChecked()).toBe(false);
    await operator.getByRole('radio', { name: '满意', exact: true }).check();
    await settle(operator);
    await operator.click('.ant-modal-footer .ant-btn-primary');
    await operator.getByText('请按居民的回答选择').waitFor();
    await operator.getByRole('radio', { name: '已解决', exact: true }).check();
    await operator.fill('#comment', '居民表示路灯已亮');
    await settle(operator);
    await operator.click('.ant-modal-footer .ant-btn-primary');
    await operator.waitForSelector('button[data-action="callback"]', { state: 'detached' });
    await act(operator, 'close');
    expect(await operator.textContent('[data-testid=demand-state]')).toBe('已办结');
    // Every reply and every callback result stays in the timeline.
    const details = await operator.locator('.event-detail').allTextContents();
    expect(details).toEqual(expect.arrayContaining(['路灯已于今日修复，感谢反映。', '满意 · 已解决']));
    await operator.context().close();
  }, 90_000);

  it('the resident sees it closed, with the reply', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${server.base}/#/lookup`);
    await page.fill('#number', number);
    await page.fill('#secret', '13912345678');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=state]');
    expect(await page.textContent('[data-testid=state]')).toBe('已办结');
    expect(await page.textContent('[data-testid=reply]')).toBe('路灯已于今日修复，感谢反映。');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/portal-lookup.png`, fullPage: true });
    await page.goto(`${server.base}/#/answered`);
    await page.waitForSelector('.card');
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('a handler of another unit cannot open the demand’s URL', async () => {
    const page = await staff('handlerB');
    await page.goto(`${server.base}/console/#/demand/${demandId}`);
    await page.waitForSelector('text=找不到该诉求，或您没有查看权限。');
    expect(await page.locator('[data-testid=demand-title]').count()).toBe(0);
    await page.context().close();
  });

  it('elderly mode: larger text, big targets, high contrast, and it survives a reload', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${server.base}/`);
    await page.click('text=大字模式');
    const measure = () =>
      page.evaluate(() => {
        const body = getComputedStyle(document.body);
        const submit = document.querySelector('button[type=submit]')!.getBoundingClientRect();
        const input = document.querySelector('#phone')!.getBoundingClientRect();
        return {
          font: parseFloat(body.fontSize),
          line: parseFloat(body.lineHeight) / parseFloat(body.fontSize),
          button: submit.height,
          input: input.height,
          elder: document.body.classList.contains('elder'),
        };
      });
    const on = await measure();
    expect(on.elder).toBe(true);
    expect(on.font).toBeGreaterThanOrEqual(18);
    expect(on.line).toBeGreaterThanOrEqual(1.3);
    expect(on.button).toBeGreaterThanOrEqual(60);
    expect(on.input).toBeGreaterThanOrEqual(60);
    await page.fill('#content', '写到一半的内容');
    await page.reload();
    expect((await measure()).elder).toBe(true);
    expect(await page.inputValue('#content')).toBe('写到一半的内容');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/portal-elderly.png`, fullPage: true });
    await page.context().close();
  });

  it('an operator registers a demand with the keyboard alone, pickers found by pinyin initials', async () => {
    const page = await staff('operator');
    await page.goto(`${server.base}/console/#/intake`);
    // A hotline seat starts from the caller's number, then their name and what they say.
    await page.waitForSelector('#reporterPhone:focus');
    const started = Date.now();
    await page.keyboard.type('13700001111');
    await page.keyboard.press('Tab');
    await page.keyboard.type('李大爷');
    await page.keyboard.press('Tab');
    await page.keyboard.type('丽发新城3栋门口路灯不亮，晚上很黑');
    await page.keyboard.press('Tab');
    await page.keyboard.type('lfxc');
    await page.keyboard.press('Enter'); // picking moves on to the category
    await page.waitForSelector('#categoryId:focus');
    await page.keyboard.type('ggss');
    await page.keyboard.press('Enter'); // and on to the address
    await page.waitForSelector('#address:focus');
    await page.keyboard.type('3栋门口');
    const png = tinyPng;
    await page.setInputFiles('#intake-photos', { name: '路灯.png', mimeType: 'image/png', buffer: png });
    await page.locator('#reporterPhone').focus();
    await page.keyboard.press('Control+Enter');
    const slipNumber = (await page.textContent('[data-testid=slip-number]'))!.trim();
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(slipNumber).toMatch(/^\d{14}$/);
    const found = await server.call('GET', `/api/v1/demands?q=${slipNumber}`, { token: world.tokens.operator });
    expect(found.body.items[0]).toMatchObject({
      region: { id: world.c1.id },
      category: { id: world.lights.id },
      address: '3栋门口',
      reporterName: '李大爷',
      reporterPhone: '13700001111',
      channel: 'hotline',
    });
    const withPhoto = await server.call('GET', `/api/v1/demands/${found.body.items[0].id}`, { token: world.tokens.operator });
    expect(withPhoto.body.attachments).toMatchObject([{ filename: '路灯.png', contentType: 'image/png', size: tinyPng.length }]);
    await page.screenshot({ path: `${shots}/console-slip.png` });
    await page.context().close();
  }, 60_000);

  it('an admin adds a unit and an account with a role', async () => {
    const page = await staff('admin');
    await page.goto(`${server.base}/console/#/admin`);
    await page.waitForSelector('text=区域');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('tab', { name: '承办单位' }).click();
    await page.fill('#unit_name', '区水务局');
    await page.locator('form#unit').getByRole('button', { name: '添加' }).click();
    await page.locator('td', { hasText: '区水务局' }).waitFor();
    await page.getByRole('tab', { name: '用户与角色' }).click();
    await page.fill('#user_username', 'wangfang');
    await page.fill('#user_displayName', '王芳');
    await page.fill('#user_password', 'a-long-password');
    await page.locator('form#user').getByRole('button', { name: '添加' }).click();
    await page.locator('td', { hasText: 'wangfang' }).waitFor();
    const login = await server.call('POST', '/api/v1/auth/login', { body: { username: 'wangfang', password: 'a-long-password' } });
    expect(login.body.grants[0].role).toBe('operator');
    await page.screenshot({ path: `${shots}/console-admin.png` });
    // An Open311 key for an app, shown once, then revoked.
    await page.getByRole('tab', { name: '开放接口密钥' }).click();
    await page.fill('#open311 #name', '城市随手拍');
    await page.locator('#open311 #regionId').click();
    await page.getByTitle('桂花坪街道').last().click();
    await page.locator('form#open311').getByRole('button', { name: '签发密钥' }).click();
    const key = (await page.locator('code', { hasText: 'o311_' }).textContent())!.trim();
    const posted = await fetch(`${server.base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: key, service_code: String(world.lights.id), address_id: 'D1a', description: '井盖松动' }),
    });
    expect(posted.status).toBe(201);
    const row = page.locator('tr', { hasText: '城市随手拍' });
    await row.getByRole('button', { name: '吊销' }).click();
    const revoked = page.waitForResponse((r) => /\/open311\/keys\/\d+\/revoke$/.test(r.url()));
    await settle(page);
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s?定|OK/ })
      .click();
    expect((await revoked).status()).toBe(200);
    await row.getByText('已吊销').waitFor();
    expect(await axe(page)).toEqual([]);
    // 短信外发: the receipt for the caller taken at intake waits for the gateway, number masked.
    await page.goto(`${server.base}/console/#/outbox`);
    await page.locator('td', { hasText: '137****1111' }).first().waitFor();
    expect(await page.textContent('main')).not.toContain('13700001111');
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/console-outbox.png` });
    // 历史导入: a small export with a unit name the district does not use; the admin says what it means.
    await page.goto(`${server.base}/console/#/import`);
    await page.setInputFiles('#import-file', {
      name: 'old-12345.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('编号,内容,时间,答复,答复时间,单位\nOLD-7,路灯不亮,2024-03-01 08:00,已修复,2024-03-02 09:00,城管局\n'),
    });
    await page.fill('#name', '旧12345系统');
    for (const [field, column] of [
      ['number', '编号'],
      ['content', '内容'],
      ['createdAt', '时间'],
      ['replyText', '答复'],
      ['repliedAt', '答复时间'],
      ['unit', '单位'],
    ])
      await page.fill(`#columns_${field}`, column);
    await page.locator('#defaults_regionId').click();
    await page.getByTitle('测试区').first().click();
    await page.getByRole('button', { name: '试导入（不写入）' }).click();
    await page.getByText('未匹配的名称：请指定对应项').waitFor();
    await page.getByLabel('对应为 城管局').click();
    await page.getByTitle('区城市管理局').last().click();
    await page.getByRole('button', { name: '保存对应关系并重新检查' }).click();
    await page.getByText('可导入 1 行').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: `${shots}/console-import.png`, fullPage: true });
    await page.getByRole('button', { name: '正式导入' }).click();
    await page.getByText('本次导入 1 行').waitFor();
    const imported = await server.call('GET', '/api/v1/demands?channel=import', { token: world.tokens.admin });
    expect(imported.body.items[0]).toMatchObject({ number: 'OLD-7', state: 'closed', unit: { name: '区城市管理局' } });
    await page.context().close();
  }, 60_000);

  it('the intake form and the rates table pass axe too', async () => {
    const operator = await staff('operator');
    await operator.goto(`${server.base}/console/#/intake`);
    await operator.waitForSelector('#content');
    expect(await axe(operator)).toEqual([]);
    await operator.screenshot({ path: `${shots}/console-intake.png`, fullPage: true });
    await operator.context().close();
    const supervisor = await staff('supervisor');
    await supervisor.goto(`${server.base}/console/#/rates`);
    await supervisor.waitForSelector('.ant-table');
    // A leader looks before reading: the ranking bars and the six-month trend are drawn (ECharts, as SVG).
    await supervisor.waitForSelector('[data-testid=chart-rank-departments] svg path', { state: 'attached' });
    await supervisor.waitForSelector('[data-testid=chart-trend] svg path', { state: 'attached' });
    expect(await axe(supervisor)).toEqual([]);
    await supervisor.screenshot({ path: `${shots}/console-rates.png`, fullPage: true });
    await supervisor.goto(`${server.base}/console/#/topics`);
    await supervisor.waitForSelector('text=治理专项');
    expect(await axe(supervisor)).toEqual([]);
    // The list's filters: a channel narrows the list, and the page stays accessible.
    await supervisor.goto(`${server.base}/console/#/list`);
    await supervisor.waitForSelector('[data-testid=list-filters]');
    await supervisor.getByLabel('渠道').click();
    await Promise.all([supervisor.waitForResponse((r) => r.url().includes('channel=walk_in')), supervisor.getByTitle('窗口代办').click()]);
    await supervisor.waitForSelector('.ant-select-dropdown', { state: 'hidden' });
    expect(await axe(supervisor)).toEqual([]);
    await supervisor.context().close();
    expect(dialogs).toEqual([]);
  });
  it('an admin reset makes the user choose a new password first; the audit trail page shows who did it', async () => {
    const handlerB = world.actors.handlerB.userId;
    expect(
      (await server.call('POST', `/api/v1/users/${handlerB}/password`, { token: world.tokens.admin, body: { password: 'temporary-9' } }))
        .status,
    ).toBe(204);
    const page = await newPage();
    await page.goto(`${server.base}/console/`);
    await page.fill('#username', 'handlerB');
    await page.fill('#password', 'temporary-9');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=请修改密码');
    expect(await axe(page)).toEqual([]);
    await page.fill('#currentPassword', 'temporary-9');
    await page.fill('#newPassword', 'handler-b-new');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=me]');
    await page.context().close();

    const supervisor = await staff('supervisor');
    await supervisor.goto(`${server.base}/console/#/audit`);
    await supervisor.waitForSelector('text=审计日志');
    await supervisor.waitForSelector('.ant-table-row');
    expect(await axe(supervisor)).toEqual([]);
    // Records and actions in words: no code such as `reception_day record_entry` or `demand #12` on screen.
    const shown = (await supervisor.locator('.ant-table').innerText()).replace(/\s+/g, ' ');
    expect(shown).not.toMatch(/[a-z]+_[a-z]+|#\d|\b(demand|user|submit|dispatch|register)\b/);
    expect(shown).toContain('诉求');
    await supervisor.screenshot({ path: `${shots}/console-audit.png` });
    await supervisor.context().close();

    const operator = await staff('operator');
    await operator.goto(`${server.base}/console/#/moderation`);
    await operator.waitForSelector('text=内容审核');
    await operator.waitForSelector('.ant-table');
    expect(await axe(operator)).toEqual([]);
    await operator.context().close();
  });
});
