import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowserWorld, type TestApi, tearDownBrowserWorld } from '../api-world.js';
import type { TestDatabase } from '../db.js';
import type { World } from '../world.js';
import { axe, consoleAs, settle } from './browser.js';

// 一类事 in the browser: a supervisor regroups, checks a topic's demands by title, unticks one that is
// another matter, promotes it, and sends one answer to exactly the list the dialog shows; an operator
// taking a consultation sees the knowledge base's answer while typing.

const shots = process.env.TINGJIAN_SCREENSHOTS === '1' ? 'docs/screenshots' : join(tmpdir(), 'tingjian-screenshots');

let database: TestDatabase;
let world: World;
let server: TestApi;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ database, world, server, browser } = await setUpBrowserWorld());
}, 120_000);
afterAll(() => tearDownBrowserWorld({ database, server, browser }));

const intake = async (content: string) => {
  const r = await server.call('POST', '/api/v1/demands', {
    token: world.tokens.operator,
    body: { content, reporterPhone: '13800004444', regionId: world.c2.id },
  });
  expect(r.status, r.text).toBe(201);
  return r.body.id as number;
};

describe('topics and initiatives in the console', () => {
  it('promotes the checked demands of a topic and answers exactly those the dialog lists', { timeout: 120_000 }, async () => {
    const noise: number[] = [];
    for (const text of ['滨河路广场有人跳广场舞，噪音扰民', '滨河路广场广场舞音响太吵，噪音扰民', '滨河路广场每晚广场舞噪音很大'])
      noise.push(await intake(text));
    const page = await consoleAs(browser, server.base, 'supervisor');
    await page.goto(`${server.base}/console/#/topics`);
    await page.waitForSelector('text=正在首次归类');
    await page.getByRole('button', { name: '立即重新归类' }).click();
    await page.waitForSelector('[data-testid=topics-computed] >> text=更新于');
    await page.waitForSelector('text=滨河路广场 ·');
    expect(await axe(page)).toEqual([]);
    await page.locator('tr', { hasText: '滨河路广场 ·' }).getByRole('button', { name: '立为治理专项' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '核对每件诉求' });
    await dialog.waitFor();
    // Each member by its title; the supervisor unticks the third.
    await dialog.getByLabel('滨河路广场每晚广场舞噪音很大').uncheck();
    await page.click('#promote_unitId');
    await page.keyboard.type('桂花坪');
    await page.keyboard.press('Enter');
    await settle(page);
    await dialog.getByRole('button', { name: '确定' }).click();
    await page.waitForSelector('.ant-modal', { state: 'detached' });
    const [created] = (await server.call('GET', '/api/v1/initiatives', { token: world.tokens.supervisor })).body.items;
    expect(created.demandIds.sort()).toEqual(noise.slice(0, 2).sort());

    await page.getByRole('button', { name: '集中答复' }).click();
    const answer = page.locator('[data-testid=recipients]');
    await answer.waitFor();
    expect(await answer.textContent()).toContain('答复将发给下列 2 件诉求');
    await page.fill('#answer_answer', '街道已与广场舞队协商，音响限时限音量。');
    await page.screenshot({ path: `${shots}/console-initiative-answer.png` });
    await settle(page);
    await page.locator('.ant-modal').getByRole('button', { name: '确定' }).click();
    await page.waitForSelector('.ant-modal', { state: 'detached' });
    await page.locator('.ant-table-row-expand-icon').last().click();
    await page.waitForSelector('text=第 1 次答复');
    const third = await server.call('GET', `/api/v1/demands/${noise[2]}`, { token: world.tokens.supervisor });
    expect(third.body.state).toBe('registered');
    await page.context().close();
  });

  it('shows the knowledge base’s answer while an operator types a consultation', { timeout: 120_000 }, async () => {
    await server.call('POST', '/api/v1/knowledge', {
      token: world.tokens.admin,
      body: {
        title: '高龄津贴申领',
        body: '本区户籍年满 80 周岁的老人可申领高龄津贴，持身份证、户口簿到社区居委会申请。',
        keywords: '高龄津贴 老人',
        status: 'approved',
      },
    });
    const page = await consoleAs(browser, server.base, 'operator');
    await page.goto(`${server.base}/console/#/intake`);
    await page.getByLabel('咨询').check();
    await page.fill('#content', '我妈今年八十了能领什么补贴');
    const hints = page.locator('[data-testid=knowledge-hints]');
    await hints.waitFor();
    expect(await hints.textContent()).toContain('高龄津贴申领');
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });
});
