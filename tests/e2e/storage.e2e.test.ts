/**
 * Storage faults end to end (issue 8), in Chromium with the built extension: the extension's own storage is seeded
 * with damaged settings and a history database written by a "newer Vetter" (a higher IndexedDB version), as a
 * downgrade or a broken profile would leave them. The options page shows a banner with what was reset and offers the
 * original as a file (never a blank page); the badge still shows on a profile page; the popup says the history is
 * unavailable; the history and report pages show the reason instead of a blank page; nothing stored was deleted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, loadFixtures, ROOT, startFixtureServer, type FixtureServer, type Launched } from '../../lib/cli/harness';

declare const chrome: {
  storage: { local: { set(items: object): Promise<void> } };
  tabs: { query(q: object): Promise<{ id?: number }[]> };
};

declare const axe: { run(context: unknown, options?: object): Promise<{ violations: { id: string; impact: string | null }[] }> };
const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** Serious or critical axe-core violations on the page (evaluated through the devtools protocol, which the extension pages' CSP does not block). */
async function seriousAxe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const res = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

const fixtures = loadFixtures();
const profile = fixtures.find((f) => f.file === 'upwork/full-flagged.html')!;

let server: FixtureServer;
let browser: Launched;
const ext = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;

const DAMAGED = {
  version: 2,
  autoCheck: { upwork: true },
  rules: { 'photo-missing': { enabled: false, severity: null } },
  historyDays: 'forever',
  photoAnalysis: false,
  exportDescriptors: false,
  pruneWhenFull: false,
};

beforeAll(async () => {
  server = await startFixtureServer(fixtures);
  browser = await launchWithExtension({ server });
  const page = await browser.context.newPage();
  await page.goto(ext('options.html'));
  await page.evaluate(async (damaged) => {
    await chrome.storage.local.set({ settings: damaged });
    // A history database at a version this Vetter does not know, holding one record.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('vetter', 40);
      req.onupgradeneeded = () => req.result.createObjectStore('future').put({ kept: true }, 'k');
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
  }, DAMAGED);
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('damaged stored data in Chromium', () => {
  it('options: a banner says what was reset, the rest is kept, and the original downloads as JSON', async () => {
    const page = await browser.context.newPage();
    await page.goto(ext('options.html'));
    const banner = page.locator('[data-testid="settings-kept-aside"]');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toMatch(/Reset to defaults: historyDays\./);
    expect(await page.locator('input[name="historyDays"]').inputValue()).toBe('365');
    // The valid rule setting survived: photo-missing stays off.
    expect(await page.locator('input[name="rule-photo-missing"]').isChecked()).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Download the original values (JSON)' }).click()]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { kind: string; items: { value: unknown; reset: string[] }[] };
    expect(file.kind).toBe('vetter-settings-kept-aside');
    expect(file.items[0]).toMatchObject({ value: DAMAGED, reset: ['historyDays'] });
    expect(await seriousAxe(page)).toEqual([]);
    await page.close();
  });

  it('a profile page still gets its badge, and the popup says the history is unavailable', async () => {
    const page = await browser.context.newPage();
    await page.goto(profile.url);
    const badge = page.locator('.vetter-badge:not([data-level="pending"])');
    await badge.waitFor({ timeout: 20_000 });
    expect(['low', 'medium', 'high']).toContain(await badge.getAttribute('data-level'));
    // The details panel says why this check is not in the history.
    await page.locator('.vetter-pill').click();
    const panelNote = page.locator('#vetter-details .vetter-history-note');
    await panelNote.waitFor({ timeout: 5_000 });
    expect(await panelNote.textContent()).toMatch(/newer version of Vetter/);
    await page.bringToFront();
    const tabs = await browser.worker.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }));
    const popup = await browser.context.newPage();
    await popup.goto(ext(`popup.html?tabId=${tabs[0]!.id!}`));
    await popup.getByRole('button', { name: 'Check this profile' }).click();
    await popup.locator('[data-testid="result"] [data-level]').waitFor({ timeout: 15_000 });
    const note = popup.locator('[data-testid="history-status"]');
    await note.waitFor({ timeout: 5_000 });
    expect(await note.getAttribute('data-state')).toBe('unavailable');
    expect(await note.textContent()).toMatch(/History unavailable: the history database was written by a newer version of Vetter/);
    expect(await seriousAxe(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the history and report pages show the reason instead of a blank page; the database is left as it was', async () => {
    const page = await browser.context.newPage();
    await page.goto(ext('profiles.html'));
    const error = page.locator('[data-testid="history-error"]');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toMatch(/^History unavailable: .*newer version of Vetter.*nothing was deleted/);
    expect(await seriousAxe(page)).toEqual([]);
    await page.goto(ext('report.html?all=1'));
    await page.getByRole('alert').filter({ hasText: 'History unavailable' }).waitFor({ timeout: 10_000 });
    const kept = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const req = indexedDB.open('vetter');
          req.onsuccess = () => {
            const db = req.result;
            const get = db.transaction('future').objectStore('future').get('k');
            get.onsuccess = () => (resolve({ version: db.version, value: get.result }), db.close());
          };
          req.onerror = () => reject(req.error);
        }),
    );
    expect(kept).toEqual({ version: 40, value: { kept: true } });
    await page.close();
  });
});
