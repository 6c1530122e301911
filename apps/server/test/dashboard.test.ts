import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, startTestServer, tempDir, TOKENS, waitForScan, writeTree } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HOSTILE = '<img src=x onerror=window.__pwned=1>.bin';

describe('dashboard in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: BrowserContext;
  let scanId: string;
  let cleanId: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does this)`);
    const root = writeTree(tempDir(), { 'clean/readme.txt': 'nothing to see' });
    server = await startTestServer({ roots: [root] });
    scanId = (await (await client(server.url).upload('/v1/scans', HOSTILE, 'MARK evil')).json()).id;
    cleanId = (await (await client(server.url).postJson('/v1/scans', { path: join(root, 'clean') })).json()).id;
    await waitForScan(server.url, scanId);
    await waitForScan(server.url, cleanId);
    browser = await chromium.launchPersistentContext(tempDir('modelgate-chromium-'), { executablePath: CHROMIUM, headless: true, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists finished scans with their worst severity, opens a scan and shows its findings, escaping file names', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/`);
    await page.fill('#token', TOKENS.read);
    await page.click('#login button[type=submit]');

    const row = page.locator(`tr[data-scan-id="${scanId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('done');
    expect(await page.locator('#login').isVisible()).toBe(false);
    expect((await row.locator('.sev').textContent())?.trim()).toBe('high');
    expect(await row.locator('a').textContent()).toBe(HOSTILE);
    expect((await page.locator(`tr[data-scan-id="${cleanId}"] .sev`).textContent())?.trim()).toBe('none');
    expect(await page.locator('#scans img').count()).toBe(0);

    await row.locator('a').click();
    await page.waitForURL(`**/scans/${scanId}`);
    const finding = page.locator('#findings tbody tr[data-rule="servertest/marked"]');
    await finding.waitFor();
    const cells = (await finding.locator('td').allTextContents()).map((t) => t.trim());
    expect(cells[0]).toBe('high');
    expect(cells[1]).toBe('servertest/marked');
    expect(cells[2]).toMatch(/^[A-Za-z0-9._-]+\.bin$/);
    expect(cells[4]).toContain('MARK found in');
    expect(await page.locator('#scan-name').textContent()).toBe(HOSTILE);
    expect(await page.locator('main img').count()).toBe(0);
    if (process.env.MODELGATE_SCREENSHOT) await page.screenshot({ path: process.env.MODELGATE_SCREENSHOT, fullPage: true });
    await page.goto(`${server.url}/`);
    await page.locator(`tr[data-scan-id="${scanId}"]`).waitFor();
    if (process.env.MODELGATE_SCREENSHOT) await page.screenshot({ path: process.env.MODELGATE_SCREENSHOT.replace(/\.png$/, '-list.png'), fullPage: true });

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
  });

  it('asks for the token again when it is refused', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.fill('#token', 'wrong-token');
    await page.click('#login button[type=submit]');
    await page.locator('#error:not([hidden])').waitFor();
    expect(await page.locator('#error').textContent()).toMatch(/Token refused/);
    expect(await page.locator('#login').isVisible()).toBe(true);
  });
});
