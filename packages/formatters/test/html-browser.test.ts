/**
 * Opens the HTML report in headless Chromium (Debian's `chromium`, driven by playwright-core):
 * sorting and filtering work, hostile names render as text, and the page makes no request.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../src/index.js';
import { HOSTILE_NAME } from './factory.js';
import { XSS_NAME, hostileReport } from './html-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Where the screenshot goes (look at it when changing the page). */
const SCREENSHOT = process.env['MODELGATE_HTML_SCREENSHOT'] ?? join(tmpdir(), 'modelgate-report.png');

describe.skipIf(!existsSync(CHROMIUM))('HTML report in Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'modelgate-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, formatHtml(hostileReport()));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1400, height: 1100 } });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const visibleRules = () => page.$$eval('#findings tbody tr:not([hidden]) td:nth-child(2)', (cells) => cells.map((c) => c.textContent ?? ''));
  const visibleSeverities = () => page.$$eval('#findings tbody tr:not([hidden]) .sev', (cells) => cells.map((c) => c.textContent ?? ''));
  const shownCount = () => page.textContent('#shown-count');

  it('loads with no script error and no request but the file itself', async () => {
    expect(errors).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(requests).toHaveLength(1);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('renders hostile names as text', async () => {
    const locations = await page.$$eval('#findings tbody td.loc', (cells) => cells.map((c) => c.textContent ?? ''));
    expect(locations).toContain(`${XSS_NAME} member <b>inner</b> @12`);
    expect(locations.some((l) => l.startsWith('evil\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07\\r\\nfake row\\t\\u{202e}txt.pkl'))).toBe(true);
    expect(locations.some((l) => l.includes(HOSTILE_NAME))).toBe(false);
    expect(await page.$$eval('#findings img, #findings script, #findings b, #findings i', (n) => n.length)).toBe(0);
    expect(await page.textContent('#notices')).toContain('entry <u>x</u> matched nothing');
  });

  it('sorts by severity first, and by any column on click (again to reverse)', async () => {
    expect((await visibleSeverities()).slice(0, 3)).toEqual(['critical', 'critical', 'critical']);
    expect((await visibleSeverities()).at(-1)).toBe('info');
    await page.click('th[data-sort="rule"] button');
    const ascending = await visibleRules();
    expect(ascending).toEqual([...ascending].sort());
    expect(await page.getAttribute('th[data-sort="rule"]', 'aria-sort')).toBe('ascending');
    await page.click('th[data-sort="rule"] button');
    expect(await visibleRules()).toEqual([...ascending].sort().reverse());
    expect(await page.getAttribute('th[data-sort="rule"]', 'aria-sort')).toBe('descending');
    await page.click('th[data-sort="severity"] button');
  });

  it('filters by text, severity, plugin and suppression', async () => {
    expect(await shownCount()).toBe('10 of 10 findings shown');
    await page.fill('#filter-text', 'README');
    expect(await visibleRules()).toEqual(['meta/license']);
    await page.fill('#filter-text', 'onerror');
    expect(await visibleRules()).toEqual(['pickle/unknown-global']);
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-severity', { label: 'critical and above' });
    expect(await visibleSeverities()).toEqual(['critical', 'critical', 'critical']);
    await page.uncheck('#filter-suppressed');
    expect(await visibleSeverities()).toEqual(['critical', 'critical']);
    expect(await shownCount()).toBe('2 of 10 findings shown');
    await page.selectOption('#filter-severity', { label: 'all severities' });
    await page.check('#filter-suppressed');
    await page.selectOption('#filter-plugin', '@modelgate/plugin-meta');
    expect(await visibleRules()).toEqual(['meta/license', 'meta/info']);
    await page.selectOption('#filter-plugin', '');
  });

  it('shows per-finding details and takes a screenshot', async () => {
    await page.click('tr.finding:has(td.loc:text("inner")) summary');
    const details = await page.textContent('tr.finding:has(td.loc:text("inner")) details');
    expect(details).toContain('Byte offset12 (0xc)');
    expect(details).toContain('Archive member<b>inner</b>');
    expect(details).toContain('"name": "</pre><img src=x onerror=alert(2)>"');
    await page.click('tr.finding.suppressed summary');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
