import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * What a failed browser step leaves behind for whoever reads the CI log: for each page still open, its address,
 * the notices, dialogs and form errors on screen, the last failed requests with the server's words, errors the page
 * logged, and a screenshot. A 45-second timeout alone says only what did not appear; this says what did.
 */
const open = new Map<Page, string[]>();
const kept = 12;

export function watchContext(context: BrowserContext): void {
  const watch = (page: Page) => {
    const trail: string[] = [];
    open.set(page, trail);
    const note = (line: string) => {
      trail.push(line.replace(/\s+/g, ' ').slice(0, 300));
      if (trail.length > kept) trail.shift();
    };
    page.on('response', (r) => {
      if (r.status() < 400) return;
      const what = `${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`;
      r.text().then(
        (body) => note(`${what} ${body.slice(0, 200)}`),
        () => note(what),
      );
    });
    page.on('requestfailed', (r) => note(`no answer: ${r.method()} ${new URL(r.url()).pathname} ${r.failure()?.errorText ?? ''}`));
    page.on('pageerror', (e) => note(`page error: ${e.message}`));
    page.on('console', (m) => {
      // A failed request is already in the trail with the server's words.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) note(`console: ${m.text()}`);
    });
    page.on('close', () => open.delete(page));
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
}

const onScreen = `.ant-message-notice, .ant-notification-notice, .ant-alert, .ant-form-item-explain-error,
  .ant-modal-container, .ant-popover:not(.ant-popover-hidden), .ant-result, [role=alert]`;

/** The report, a paragraph per open page; screenshots go to `test-results/failures/`. */
export async function reportOpenPages(testName: string): Promise<string> {
  const parts: string[] = [];
  let n = 0;
  for (const [page, trail] of open) {
    if (page.isClosed()) continue;
    n += 1;
    const lines = [`page ${n}: ${page.url()} (${page.viewportSize()?.width ?? '?'} px)`];
    try {
      const shown = await page.evaluate((selector) => {
        const seen = new Set<string>();
        for (const e of document.querySelectorAll(selector)) {
          if (!(e instanceof HTMLElement) || e.offsetParent === null) continue;
          const text = e.innerText.replace(/\s+/g, ' ').trim();
          if (text) seen.add(text.slice(0, 300));
        }
        return [...seen];
      }, onScreen);
      for (const s of shown) lines.push(`  on screen: ${s}`);
      const dir = 'test-results/failures';
      mkdirSync(dir, { recursive: true });
      const file = `${dir}/${testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}-${n}.png`;
      await page.screenshot({ path: file, timeout: 5_000 });
      lines.push(`  screenshot: ${file}`);
    } catch (e) {
      lines.push(`  (could not read the page: ${(e as Error).message.split('\n')[0]})`);
    }
    for (const t of trail) lines.push(`  ${t}`);
    parts.push(lines.join('\n'));
  }
  return parts.join('\n');
}
