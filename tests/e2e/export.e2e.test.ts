/**
 * Export end to end in Chromium with the production build: a fixture profile is checked on its real URL (badge),
 * its history entry is imported through the report page's own Import button (the history store is written by the
 * page, in the extension's IndexedDB), and the report page's Export CSV / JSON / Markdown buttons produce real
 * downloads whose content is parsed and checked. Also: copy, print stylesheet, PDF, accessibility (axe-core).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../../lib/cli/check';
import { launchWithExtension, loadFixtures, renderFixture, startFixtureServer, type FixtureServer, type Launched } from '../../lib/cli/harness';
import { ExportBundle } from '../../lib/export/bundle';
import { parseCsv } from '../../lib/export/csv';
import { exportJson } from '../../lib/export/index';
import { profileKey } from '../../lib/history/identity';
import type { HistoryEntry } from '../../lib/history/schema';
import { entryFromCheck } from '../unit/export-entries';

const fixture = loadFixtures().find((f) => f.file === 'upwork/full-flagged.html')!;
let server: FixtureServer;
let browser: Launched;
let entry: HistoryEntry;
let report: Page;
let storedByBackground = false;

async function download(page: Page, button: string) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

beforeAll(async () => {
  server = await startFixtureServer(loadFixtures());
  browser = await launchWithExtension({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('export from the report page in Chromium', () => {
  it('checks the fixture profile, then imports its entry through the Import button', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture.url);
    const badge = page.locator('.vetter-badge:not([data-level="pending"])');
    await badge.waitFor({ timeout: 15_000 });
    const { profile, report: r } = checkHtml(renderFixture(fixture), fixture.url, { liveClock: true });
    expect(await badge.getAttribute('data-level')).toBe(r.level);
    const first = r.findings[0]!;
    entry = entryFromCheck(profile, r, {
      dismissals: [{ ruleId: first.ruleId, title: first.title, note: 'Asked on a call: "explained", =not a formula', at: new Date().toISOString() }],
    });
    expect(entry.identity.key).toBe(profileKey(profile.source));
    await page.close();

    report = await browser.context.newPage();
    await report.goto(`chrome-extension://${browser.extensionId}/report.html?key=${encodeURIComponent(entry.identity.key)}`);
    // Until the background stores checks (the history store, another change), the key is unknown here; once it does,
    // the entry is already there and the import merges into it.
    await report.locator('[data-testid="missing"], section.entry').first().waitFor();
    storedByBackground = (await report.getByTestId('missing').count()) === 0;
    if (!storedByBackground) expect(await report.getByTestId('missing').textContent()).toContain(`No stored check for ${entry.identity.key}`);
    await report.locator('input[type="file"]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exportJson([entry])) });
    await expect
      .poll(() => report.getByTestId('import-summary').textContent())
      .toContain(storedByBackground ? '0 added, 1 merged, 0 already up to date, 0 refused' : '1 added, 0 merged, 0 already up to date, 0 refused');
    await report.locator('section.entry').waitFor();
    expect(await report.getByTestId('missing').count()).toBe(0);
    expect(await report.locator('article.finding').count()).toBe(r.findings.length);
    expect(await report.locator('section.entry h2').textContent()).toContain('Daniel K.');
    // It is really stored: a fresh load shows it.
    await report.reload();
    await report.locator('section.entry').waitFor();
    expect(await report.locator('article.dismissed .dismissal').textContent()).toContain('=not a formula');
  });

  it('Export CSV downloads one row per finding that papaparse reads back', async () => {
    const { name, text } = await download(report, 'Export CSV');
    expect(name).toMatch(/^vetter-daniel-k-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(text);
    expect(rows.map((x) => x.title)).toEqual(entry.report.findings.map((f) => f.title));
    expect(rows.every((x) => x.profile === 'Daniel K.' && x.site === 'Upwork' && x.level === entry.report.level)).toBe(true);
    expect(rows[0]).toMatchObject({ dismissed: 'yes', 'dismissal note': 'Asked on a call: "explained", =not a formula' });
    expect(rows.map((x) => x['source url'])).toEqual(entry.report.findings.map((f) => f.indicator.url));
  });

  it('Export JSON downloads a valid bundle that holds the stored entry unchanged', async () => {
    const { name, text } = await download(report, 'Export JSON');
    expect(name).toMatch(/^vetter-daniel-k-\d{4}-\d{2}-\d{2}\.json$/);
    const bundle = ExportBundle.parse(JSON.parse(text));
    expect(bundle.includesPhotoData).toBe(false);
    expect(bundle.appVersion).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
    if (storedByBackground) {
      expect(bundle.entries.map((e) => e.identity.key)).toEqual([entry.identity.key]);
      expect(bundle.entries[0]!.report).toEqual(entry.report);
      expect(bundle.entries[0]!.dismissals).toEqual(expect.arrayContaining(entry.dismissals));
    } else expect(bundle.entries).toEqual([entry]);
  });

  it('Export Markdown downloads the readable summary; Copy Markdown reaches the clipboard', async () => {
    const { name, text } = await download(report, 'Export Markdown');
    expect(name).toMatch(/\.md$/);
    expect(text).toContain('# Vetter flag summary');
    expect(text).toContain(`: ${entry.report.level.toUpperCase()}`);
    expect(text).toContain('triage aid, not a verdict');
    for (const f of entry.report.findings) expect(text).toContain(`(<${f.indicator.url}>)`);
    // Record what the page hands to the Clipboard API (reading the clipboard back needs a permission the extension does not ask for).
    await report.evaluate(() => {
      const clip = navigator.clipboard;
      const write = clip.writeText.bind(clip);
      clip.writeText = (t: string) => {
        (window as unknown as { copied: string }).copied = t;
        return write(t);
      };
    });
    await report.getByRole('button', { name: 'Copy Markdown' }).click();
    await expect.poll(() => report.getByTestId('status').textContent()).toContain('The Markdown summary is on the clipboard.');
    const copied = await report.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(copied.replace(/exported .* UTC/, '')).toBe(text.replace(/exported .* UTC/, ''));
  });

  it('prints: the button calls print, the print stylesheet hides the buttons and keeps findings whole; a PDF is made', async () => {
    await report.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await report.getByRole('button', { name: 'Print' }).click();
    expect(await report.locator('body').getAttribute('data-printed')).toBe('yes');
    await report.emulateMedia({ media: 'print' });
    expect(await report.locator('nav.toolbar').isVisible()).toBe(false);
    const breakInside = await report.locator('article.finding').first().evaluate((el) => getComputedStyle(el).breakInside);
    expect(breakInside).toBe('avoid');
    expect(await report.locator('.source .print-only').first().isVisible()).toBe(true);
    const pdf = await report.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await report.emulateMedia({ media: 'screen' });
  });

  it('has no accessibility violations (axe-core)', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await report.evaluate(axe);
    const violations = await report.evaluate(async () => {
      const r = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });

  it('says so when the key is unknown', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/report.html?key=upwork:~01nobody`);
    await expect.poll(() => page.getByTestId('missing').textContent()).toContain('No stored check for upwork:~01nobody');
    expect(await page.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
    await page.close();
  });
});
