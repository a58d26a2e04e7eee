/**
 * The user interface end to end in real Chromium with the production build: the badge beside the profile name, the
 * details panel (keyboard, evidence highlight, dismiss and verify that survive a reload), the popup's check on a page
 * no content script covers (the injected generic reader), the context-menu and shortcut path, the options page
 * (persistence, and the content script and background honouring it), and axe-core on popup, options and panel.
 * Screenshots of each go to test-output/screenshots/ (copies in docs/screenshots/ are shown in the README).
 *
 * Headless Chromium cannot click the toolbar button, so it cannot give the activeTab grant a user's click gives; the
 * test's copy of the build holds a host permission for the one test page instead (the production manifest has none).
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../../lib/cli/check';
import { TEST_DIST, launchWithExtension, loadFixtures, renderFixture, ROOT, startFixtureServer, type FixtureServer, type Launched } from '../../lib/cli/harness';
import { PROFILE_FIELDS } from '../../lib/profile/schema';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
  commands: { onCommand: { dispatch(command: string, tab?: object): void } };
};
interface AxeResult {
  violations: { id: string; impact: string | null; nodes: unknown[] }[];
}
declare const axe: { run(context: unknown, options?: object): Promise<AxeResult> };

const SHOTS = join(ROOT, 'test-output/screenshots');
const PORTFOLIO_URL = 'https://portfolio.example/alex-morgan';
const PORTFOLIO = readFileSync(join(ROOT, 'tests/e2e/pages/portfolio.html'), 'utf8');
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const fixtures = loadFixtures();
const flagged = fixtures.find((f) => f.file === 'upwork/full-flagged.html')!;
const clean = fixtures.find((f) => f.file === 'upwork/clean.html')!;
const axeResults: Record<string, { serious: number; critical: number; moderate: number; minor: number }> = {};

let server: FixtureServer;
let browser: Launched;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startFixtureServer([...fixtures, { file: 'e2e/portfolio.html', url: PORTFOLIO_URL, html: PORTFOLIO, tz: null }]);
  // The test's copy of the build: the production manifest plus host access to the test portfolio (see above).
  const dir = join(ROOT, 'test-output/ext-ui');
  rmSync(dir, { recursive: true, force: true });
  cpSync(TEST_DIST, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: ['https://portfolio.example/*'] }));
  browser = await launchWithExtension({ server, extensionDir: dir });
});

afterAll(async () => {
  console.log('axe-core results (violations by impact):', JSON.stringify(axeResults));
  await browser?.close();
  await server?.close();
});

async function activeTabId(): Promise<number> {
  const tabs = await browser.worker.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }));
  return tabs[0]!.id!;
}

async function openProfile(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.locator('.vetter-badge:not([data-level="pending"])').waitFor({ timeout: 15_000 });
  return page;
}

/** axe-core in the page; `context` selects what to check (shadow DOM selectors are arrays). */
async function runAxe(page: Page, name: string, context: unknown = null): Promise<AxeResult['violations']> {
  // Evaluated through the devtools protocol, which extension pages' CSP (script-src 'self') does not block.
  await page.evaluate(AXE_SOURCE);
  const res = await page.evaluate((ctx) => axe.run(ctx ?? document, { resultTypes: ['violations'] }), context);
  const count = (impact: string) => res.violations.filter((v) => v.impact === impact).length;
  axeResults[name] = { critical: count('critical'), serious: count('serious'), moderate: count('moderate'), minor: count('minor') };
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const panel = (page: Page) => page.locator('#vetter-details');

describe('badge and details panel', () => {
  it('sits beside the profile name without moving the page, and shows level, flags and how much was read', async () => {
    const page = await openProfile(flagged.url);
    const expected = checkHtml(renderFixture(flagged), flagged.url, { liveClock: true }).report;
    const badge = page.locator('.vetter-badge');
    await expect.poll(() => badge.getAttribute('data-level')).toBe(expected.level);
    const name = page.locator('h2[itemprop="name"]');
    const nameBox = (await name.boundingBox())!;
    const pillBox = (await page.locator('.vetter-pill').boundingBox())!;
    // Beside the name: on its line, to its right, not in the far corner.
    expect(Math.abs(pillBox.y + pillBox.height / 2 - (nameBox.y + nameBox.height / 2))).toBeLessThan(24);
    expect(pillBox.x).toBeGreaterThan(nameBox.x);
    // The level is written, not only coloured; the partial read says how much was read.
    expect(await page.locator('.vetter-pill').textContent()).toMatch(/High/);
    // No layout shift: hiding our host changes no position or size of the page's content.
    const measure = () => page.evaluate(() => ({ h: document.documentElement.scrollHeight, y: document.querySelector('h2[itemprop="name"]')!.getBoundingClientRect().top }));
    const withBadge = await measure();
    await page.evaluate(() => ((document.querySelector('vetter-badge') as HTMLElement).style.display = 'none'));
    expect(await measure()).toEqual(withBadge);
    await page.evaluate(() => ((document.querySelector('vetter-badge') as HTMLElement).style.display = ''));
    await page.screenshot({ path: join(SHOTS, 'badge.png'), clip: { x: 0, y: 0, width: 1280, height: 420 } });
    await page.close();
  });

  it('follows a dark page: the badge switches to its dark scheme', async () => {
    const url = 'https://www.upwork.com/freelancers/~01dddddddddddddddd';
    server.add(url, renderFixture(clean).replace('<body', '<body style="background:#121212;color:#eee"'));
    const page = await openProfile(url);
    expect(await page.locator('.vetter-badge').getAttribute('data-scheme')).toBe('dark');
    const bg = await page.locator('.vetter-pill').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(32, 33, 36)');
    await page.close();
    const light = await openProfile(clean.url);
    expect(await light.locator('.vetter-badge').getAttribute('data-scheme')).toBe('light');
    await light.close();
  });

  it('opens and closes from the keyboard, with focus going back to the badge', async () => {
    const page = await openProfile(flagged.url);
    await page.locator('.vetter-pill').focus();
    await page.keyboard.press('Enter');
    await panel(page).waitFor();
    // Focus moves into the panel (its close button).
    expect(await page.evaluate(() => document.querySelector('vetter-badge')!.shadowRoot!.activeElement?.className)).toBe('vetter-close');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    // Focus goes back in an effect after the panel's removal is painted: wait for it rather than race it.
    await expect.poll(() => page.evaluate(() => document.querySelector('vetter-badge')!.shadowRoot!.activeElement?.className)).toContain('vetter-pill');
    await page.keyboard.press('Space');
    await panel(page).waitFor();
    await page.close();
  });

  it('the panel groups findings by category with why, fields read, sources and next steps; axe finds nothing serious', async () => {
    const page = await openProfile(flagged.url);
    const expected = checkHtml(renderFixture(flagged), flagged.url, { liveClock: true }).report;
    await page.locator('.vetter-pill').click();
    const cats = await page.locator('.vetter-cat').evaluateAll((els) => els.map((e) => e.getAttribute('data-category')));
    expect(cats.sort()).toEqual([...new Set(expected.findings.map((f) => f.category))].sort());
    expect(await page.locator('.vetter-why').textContent()).toContain(expected.levelReason);
    const read = PROFILE_FIELDS.length - expected.missing.length;
    expect(await page.locator('.vetter-read').textContent()).toContain(`${read} of ${PROFILE_FIELDS.length} fields read`);
    const hrefs = await page.locator('.vetter-source a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(hrefs.length).toBe(expected.findings.length);
    for (const h of hrefs) expect(h).toMatch(/^https:\/\//);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.screenshot({ path: join(SHOTS, 'panel.png') });
    const serious = await runAxe(page, 'details panel', { include: [['vetter-badge', '.vetter-badge']] });
    expect(serious, JSON.stringify(serious)).toEqual([]);
    await page.close();
  });

  it('"Show on page" scrolls to the evidence and highlights it where it is', async () => {
    const page = await openProfile(flagged.url);
    await page.locator('.vetter-pill').click();
    const item = page.locator('.vetter-finding[data-rule-id="emp-front"]');
    await item.locator('.vetter-show').first().click();
    await expect.poll(() => item.locator('.vetter-show-status').first().textContent()).toContain('Highlighted');
    const highlighted = () =>
      page.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('vetter-evidence');
        const range = h ? [...h][0] : undefined;
        if (!range) return null;
        const r = range.getBoundingClientRect();
        return { text: range.toString(), inView: r.top >= 0 && r.bottom <= innerHeight };
      });
    expect((await highlighted())?.text).toMatch(/HopanaTech/i);
    // Scrolled to it (smooth scrolling takes a moment).
    await expect.poll(async () => (await highlighted())?.inView).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'highlight.png') });
    await page.close();
  });

  it('"Dismiss as explained" and "Mark as verified" are remembered after a reload, and can be undone', async () => {
    const page = await openProfile(flagged.url);
    const badge = page.locator('.vetter-badge');
    const flags = Number(await badge.getAttribute('data-flags'));
    await page.locator('.vetter-pill').click();
    const item = page.locator('.vetter-finding[data-rule-id="photo-missing"]');
    await item.getByRole('button', { name: 'Dismiss as explained' }).click();
    await item.getByLabel('Why is it explained? (optional note)').fill('Photo shown in the video call on 2026-11-20');
    await item.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect.poll(() => item.getAttribute('data-dismissed')).toBe('true');
    expect(Number(await badge.getAttribute('data-flags'))).toBe(flags - 1);
    await page.getByRole('button', { name: 'Mark as verified' }).click();
    await page.getByLabel(/How did you verify/).fill('Video interview with ID check');
    await page.locator('.vetter-verify').getByRole('button', { name: 'Mark as verified' }).click();
    await expect.poll(() => badge.getAttribute('data-verified')).toBe('true');

    await page.reload();
    await page.locator('.vetter-badge:not([data-level="pending"])').waitFor();
    await expect.poll(() => page.locator('.vetter-badge').getAttribute('data-flags')).toBe(String(flags - 1));
    await page.locator('.vetter-pill').click();
    const again = page.locator('.vetter-finding[data-rule-id="photo-missing"]');
    expect(await again.getAttribute('data-dismissed')).toBe('true');
    expect(await again.locator('.vetter-dismissal').textContent()).toContain('Photo shown in the video call');
    expect(await page.locator('.vetter-verified').textContent()).toContain('Video interview with ID check');
    await again.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => again.getAttribute('data-dismissed')).toBeNull();
    await expect.poll(() => page.locator('.vetter-badge').getAttribute('data-flags')).toBe(String(flags));
    await page.locator('.vetter-verified').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.vetter-badge').getAttribute('data-verified')).toBeNull();
    await page.close();
  });

  it('the close button hides the badge for this page', async () => {
    const page = await openProfile(clean.url);
    await page.getByRole('button', { name: 'Hide the Vetter badge on this page' }).click();
    await expect.poll(() => page.locator('.vetter-badge').count()).toBe(0);
    await page.close();
  });
});

describe('one-click check', () => {
  it('the popup checks a page no content script covers with the injected generic reader; axe finds nothing serious', async () => {
    const expected = checkHtml(PORTFOLIO, PORTFOLIO_URL, { generic: true }).report;
    const page = await browser.context.newPage();
    await page.goto(PORTFOLIO_URL);
    expect(await page.locator('vetter-badge').count()).toBe(0);
    await page.bringToFront();
    const tabId = await activeTabId();
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Check this profile' }).click();
    const level = popup.locator('[data-testid="result"] [data-level]');
    await level.waitFor({ timeout: 15_000 });
    expect(await level.getAttribute('data-level')).toBe(expected.level);
    expect(await popup.locator('[data-testid="result"]').textContent()).toContain('Alex Morgan');
    expect(await popup.locator('[data-testid="result"] li[data-rule-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')).sort())).toEqual(
      expected.findings.map((f) => f.ruleId).sort(),
    );
    await expect.poll(() => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(
      { none: 'OK', low: 'LOW', medium: 'MED', high: 'HIGH' }[expected.level],
    );
    await popup.screenshot({ path: join(SHOTS, 'popup.png') });
    const serious = await runAxe(popup, 'popup');
    expect(serious, JSON.stringify(serious)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the context menu entry and the keyboard shortcut run the same check (toolbar badge text per tab)', async () => {
    const level = checkHtml(PORTFOLIO, PORTFOLIO_URL, { generic: true }).report.level;
    const text = { none: 'OK', low: 'LOW', medium: 'MED', high: 'HIGH' }[level];
    for (const how of ['menu', 'command'] as const) {
      const page = await browser.context.newPage();
      await page.goto(PORTFOLIO_URL);
      await page.bringToFront();
      const tabId = await activeTabId();
      const badgeText = () => browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
      expect(await badgeText()).toBe('');
      await browser.worker.evaluate(
        ({ id, how }) => {
          const tab = { id, index: 0, active: true, highlighted: true, pinned: false, incognito: false, windowId: 1 };
          if (how === 'menu') chrome.contextMenus.onClicked.dispatch({ menuItemId: 'vetter-check', editable: false, pageUrl: '' }, tab);
          else chrome.commands.onCommand.dispatch('check-profile', tab);
        },
        { id: tabId, how },
      );
      await expect.poll(badgeText, { timeout: 10_000 }).toBe(text);
      // The popup, opened afterwards, shows that check's result without checking again.
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
      await expect.poll(() => popup.locator('[data-testid="result"] [data-level]').getAttribute('data-level')).toBe(level);
      expect(await popup.locator('[data-testid="result"]').textContent()).toContain('Alex Morgan');
      await popup.close();
      await page.close();
    }
  });
});

describe('options page', () => {
  it('changes persist across a reload, the content script and background honour them, and "Clear all data" resets', async () => {
    const opts = await browser.context.newPage();
    await opts.setViewportSize({ width: 900, height: 1100 });
    await opts.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const upwork = opts.locator('input[name="auto-upwork"]');
    await upwork.waitFor();
    expect(await upwork.isChecked()).toBe(true);
    await opts.screenshot({ path: join(SHOTS, 'options.png') });
    const serious = await runAxe(opts, 'options');
    expect(serious, JSON.stringify(serious)).toEqual([]);

    await upwork.uncheck();
    await opts.locator('input[name="rule-emp-front"]').uncheck();
    await opts.locator('select[name="severity-pay-crypto"]').selectOption('high');
    await opts.locator('input[name="historyDays"]').fill('30');
    await expect.poll(() => opts.getByTestId('status').textContent()).toContain('Saved');
    await opts.reload();
    await upwork.waitFor();
    expect(await upwork.isChecked()).toBe(false);
    expect(await opts.locator('input[name="rule-emp-front"]').isChecked()).toBe(false);
    expect(await opts.locator('select[name="severity-pay-crypto"]').inputValue()).toBe('high');
    expect(await opts.locator('input[name="historyDays"]').inputValue()).toBe('30');

    // Automatic check off for Upwork: no badge until asked; the popup's check shows it, without the disabled rule.
    const page = await browser.context.newPage();
    await page.goto(flagged.url);
    await page.waitForTimeout(1500);
    expect(await page.locator('vetter-badge').count()).toBe(0);
    await page.bringToFront();
    const tabId = await activeTabId();
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Check this profile' }).click();
    await popup.locator('[data-testid="result"] [data-level]').waitFor({ timeout: 15_000 });
    const rules = await popup.locator('[data-testid="result"] li[data-rule-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
    expect(rules).not.toContain('emp-front');
    expect(rules).toContain('pay-crypto');
    expect(await popup.locator('li[data-rule-id="pay-crypto"] .sev').textContent()).toBe('high');
    await page.locator('.vetter-badge:not([data-level="pending"])').waitFor();
    await popup.close();
    await page.close();

    // An invalid settings file is refused with the reason; nothing changes.
    await opts.locator('input[type="file"]').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"historyDays":-3}') });
    await expect.poll(() => opts.getByRole('alert').textContent()).toContain('The file was not imported');
    expect(await opts.locator('input[name="historyDays"]').inputValue()).toBe('30');

    await opts.getByRole('button', { name: 'Clear all data…' }).click();
    await opts.getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => opts.getByTestId('status').textContent()).toContain('deleted');
    await opts.reload();
    await upwork.waitFor();
    expect(await upwork.isChecked()).toBe(true);
    expect(await opts.locator('input[name="historyDays"]').inputValue()).toBe('365');
    await opts.close();
  });
});

describe('Japanese', () => {
  it('badge, panel, popup, options, history and report pages speak Japanese when the browser does; axe finds nothing serious in the panel', async () => {
    const ja = await launchWithExtension({ server, extraArgs: ['--lang=ja'] });
    try {
      const page = await ja.context.newPage();
      await page.goto(flagged.url);
      const badge = page.locator('.vetter-badge:not([data-level="pending"])');
      await badge.waitFor({ timeout: 15_000 });
      expect(await page.locator('.vetter-pill').textContent()).toMatch(/Vetter: 高.*サイン \d+ 件/);
      await page.locator('.vetter-pill').click();
      expect(await page.locator('.vetter-finding[data-rule-id="photo-missing"] h4').textContent()).toContain('写真ではなく既定のアバター');
      expect(await page.locator('.vetter-finding').first().textContent()).toContain('次に確認すること:');
      // Every finding and the "why this level" line come from the catalogue: Japanese throughout, evidence filled in.
      const jaText = /[\u3040-\u30ff\u4e00-\u9fff]/;
      const titles = await page.locator('.vetter-finding h4').allTextContents();
      expect(titles.length).toBeGreaterThan(3);
      for (const title of titles) expect(title).toMatch(jaText);
      for (const p of await page.locator('.vetter-finding > p').allTextContents()) expect(p).toMatch(jaText);
      const why = (await page.locator('.vetter-why').textContent()) ?? '';
      expect(why).toMatch(jaText);
      expect(why).not.toMatch(/sign was found|categories/);
      expect(await badge.getAttribute('lang')).toBe('ja');
      await page.screenshot({ path: join(SHOTS, 'panel-ja.png') });
      await page.evaluate(AXE_SOURCE);
      const res = await page.evaluate(() => axe.run({ include: [['vetter-badge', '.vetter-badge']] }, { resultTypes: ['violations'] }));
      const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      axeResults['details panel (ja)'] = { critical: bad.filter((v) => v.impact === 'critical').length, serious: bad.filter((v) => v.impact === 'serious').length, moderate: 0, minor: 0 };
      expect(bad, JSON.stringify(bad)).toEqual([]);
      const popup = await ja.context.newPage();
      await popup.goto(`chrome-extension://${ja.extensionId}/popup.html`);
      await popup.getByRole('button', { name: 'このプロフィールを確認' }).waitFor();
      const opts = await ja.context.newPage();
      await opts.goto(`chrome-extension://${ja.extensionId}/options.html`);
      await expect.poll(() => opts.locator('h1').textContent()).toBe('Vetter の設定');
      expect(await opts.locator('tr[data-rule-id="pay-crypto"] strong').textContent()).toBe('暗号資産での支払いを求めている');
      expect(await opts.locator('tr[data-rule-id="pay-crypto"] p').textContent()).toContain('仮想通貨での支払いの要求を警告サインに挙げています');
      expect(await opts.evaluate(() => document.documentElement.lang)).toBe('ja');
      // The full report (with "Your evidence") and the history page of the profile just checked, in Japanese.
      const history = await ja.context.newPage();
      await history.goto(`chrome-extension://${ja.extensionId}/profiles.html`);
      await expect.poll(() => history.locator('h1').textContent()).toBe('確認したプロフィール');
      expect(await history.evaluate(() => document.documentElement.lang)).toBe('ja');
      await history.locator('tbody th a').first().click();
      await history.locator('section.evidence > h2').waitFor();
      expect(await history.locator('h1').textContent()).toBe('Vetter 警告サインのレポート');
      expect(await history.locator('section.evidence > h2').textContent()).toBe('あなたの記録');
      const reportTitles = await history.locator('article.finding h4').allTextContents();
      expect(reportTitles.length).toBe(titles.length);
      for (const title of reportTitles) expect(title).toMatch(jaText);
      expect(await history.locator('.why').textContent()).toMatch(jaText);
      expect(await history.locator('fieldset[data-item="camera"] legend').textContent()).toBe('カメラ');
      await history.screenshot({ path: join(SHOTS, 'report-ja.png'), fullPage: true });
    } finally {
      await ja.close();
    }
  });
});
