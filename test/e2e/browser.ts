import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { webRoot } from '../../src/app/static.js';
import { watchContext } from './failure-report.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with nothing that reaches for the network. Given the test world's clock, every
 * context it opens starts at that clock's time: a page never sees the day the suite runs.
 */
export async function launchBrowser(now?: () => Date): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const open = browser.newContext.bind(browser);
  browser.newContext = async (options): Promise<BrowserContext> => {
    // As someone who asked their system for less motion: dialogs, pop-overs and lists appear at once, so a click lands
    // where the button is. A walk that passes `reducedMotion: 'no-preference'` sees the animations.
    const context = await open({ reducedMotion: 'reduce', ...options });
    watchContext(context);
    // Installed, the page's clock starts at the world's time and runs on: timers fire, notices close.
    if (now) await context.clock.install({ time: now() });
    return context;
  };
  return browser;
}

/** The browser tests need the built web apps; build them once if a checkout has not. */
export function ensureWebBuilt(): void {
  if (!existsSync(`${webRoot}/portal/index.html`) || !existsSync(`${webRoot}/console/index.html`)) {
    // A production build, as users get it: vitest sets NODE_ENV=test, which would bundle React's development build.
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's serious and critical violations on the page, a line each with up to three places. The
 * script is injected inline: the page's context must be opened with `bypassCSP: true`.
 */
export async function axe(page: Page): Promise<string[]> {
  await settle(page);
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () =>
    (
      window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
    ).axe.run(),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

/**
 * Waits until no finite animation runs: a dialog or a select's list half-way through opening or closing is neither
 * what a person sees nor what axe should judge. Spinners (infinite) do not count; a page that never settles is judged
 * as it is after five seconds.
 */
export async function settle(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
      undefined,
      { timeout: 5_000, polling: 100 },
    )
    .catch(() => undefined);
}

/** How far the page reaches past the screen's right edge (0 or less: it fits), once it has settled. */
export async function overflow(page: Page): Promise<number> {
  await settle(page);
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

export const desk = { width: 1280, height: 900 };
export const phone = { width: 390, height: 844 };

/** A staff member signed in to the console in a fresh context (test accounts share one password). */
export async function consoleAs(
  browser: Browser,
  base: string,
  username: string,
  viewport = desk,
  password = 'password-123',
  reducedMotion: 'reduce' | 'no-preference' = 'reduce',
): Promise<Page> {
  // axe-core is injected as an inline script: these pages let it past the Content-Security-Policy the app sends.
  const context = await browser.newContext({ viewport, locale: 'zh-CN', bypassCSP: true, reducedMotion });
  const page = await context.newPage();
  // A loaded machine (CI, two browser files at once on two cores) can take many seconds for a step; a wait still fails
  // with its selector well before the test's own time runs out.
  page.setDefaultTimeout(45_000);
  await page.goto(`${base}/console/`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=me]');
  return page;
}

/** Takes an action the demand page offers: its button, then (with `fill`) its form; done when the button is gone. */
export async function act(page: Page, verb: string, fill?: () => Promise<void>) {
  await page.click(`button[data-action="${verb}"]`);
  if (fill) {
    await fill();
    // Once the dialog has finished opening: a click during its zoom can land where the button is not yet.
    await settle(page);
    await page.click('.ant-modal-footer .ant-btn-primary');
  }
  await page.waitForSelector(`button[data-action="${verb}"]`, { state: 'detached' });
}

/**
 * Words a person should never read on a Chinese screen: codes the server or the developer uses. Each
 * is a pattern over the page's visible text, named for the failure message.
 */
export const rawCodePatterns: [string, RegExp][] = [
  ['snake_case code', /\b[a-z]+(?:_[a-z0-9]+)+\b/],
  [
    'English state, role or action code',
    /\b(?:registered|dispatched|acknowledged|returned|replied|callback_done|closed|declined|withdrawn|merged|operator|dispatcher|handler|supervisor|leader|moderator|admin|pending|sent|failed|skipped|hotline|walk_in|complaint|consultation|suggestion|emergency|township|district|department|submit|dispatch|acknowledge|reply|reopen|escalate|supervise|remind|overdue)\b/,
  ],
  ['address code', /\b(?:unit|region|user|role):\d+/],
  ['#id', /(?:^|[^&\w])#\d+\b/],
  ['ISO timestamp', /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/],
  ['undefined, null or NaN', /\b(?:undefined|null|NaN)\b/],
];

/**
 * The one check every page of a walk passes: no raw code in the text a person sees (the visible
 * text, placeholders and labels read aloud) and nothing reaching past the screen's right edge.
 * Returns the problems, each with the words around it, empty when the page is clean.
 */
export async function screenProblems(page: Page): Promise<string[]> {
  const { text, overflowPx, wideOnes } = await page.evaluate(() => {
    const seen = [document.body.innerText];
    for (const e of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (!(e instanceof HTMLElement) || e.offsetParent === null) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const v = e.getAttribute(attr);
        if (v) seen.push(v);
      }
    }
    return {
      text: seen.join('\n'),
      overflowPx: document.documentElement.scrollWidth - window.innerWidth,
      wideOnes: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).slice(0, 50)}`),
    };
  });
  const problems: string[] = [];
  for (const [name, pattern] of rawCodePatterns) {
    const m = pattern.exec(text);
    if (m) problems.push(`${name}: “${text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20).replace(/\s+/g, ' ')}”`);
  }
  if (overflowPx > 0) problems.push(`${overflowPx}px past the right edge: ${wideOnes.join(', ')}`);
  return problems;
}
