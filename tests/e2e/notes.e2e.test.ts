/**
 * The manager's own evidence end to end, in Chromium with the production build: a clean fixture profile is checked on
 * its real URL (the background stores the check with the full profile read); its report page
 * (report.html?key=<profileKey>) shows "Your evidence"; the manager marks the camera as a concern and pastes payment
 * instructions with a USDT (TRON) wallet and a payee whose name is not the profile's. The notes are saved in the
 * extension's IndexedDB, the background re-runs the rules with them ('vetter:reanalyze'), and the page shows the camera,
 * pay-crypto and pay-third-party findings and a higher level at once, without another visit to the profile. A reload
 * shows the notes and the findings kept.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../../lib/cli/check';
import { launchWithExtension, loadFixtures, renderFixture, startFixtureServer, type FixtureServer, type Launched } from '../../lib/cli/harness';
import { profileKey } from '../../lib/history/identity';

const fixture = loadFixtures().find((f) => f.file === 'upwork/clean.html')!;
const PAYMENT = 'Hi, before we start please pay the first week in advance in USDT (TRC20) to TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE. Account holder: Wang Lei.';
let server: FixtureServer;
let browser: Launched;
let report: Page;
let key: string;
let cleanLevel: string;

beforeAll(async () => {
  server = await startFixtureServer(loadFixtures());
  browser = await launchWithExtension({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const finding = (id: string) => report.locator(`section.entry article.finding[data-rule-id="${id}"]`);
const evidence = () => report.locator('section.evidence');

describe("the manager's evidence on the report page in Chromium", () => {
  it('checks a clean profile; its report page has the notes panel and no flags', async () => {
    const { profile, report: expected } = checkHtml(renderFixture(fixture), fixture.url, { liveClock: true });
    expect(['none', 'low']).toContain(expected.level);
    cleanLevel = expected.level;
    key = profileKey(profile.source);
    expect(profile.name).not.toBe('Wang Lei');

    const page = await browser.context.newPage();
    await page.goto(fixture.url);
    const badge = page.locator('.vetter-badge:not([data-level="pending"])');
    await badge.waitFor({ timeout: 20_000 });
    expect(await badge.getAttribute('data-level')).toBe(expected.level);
    await page.close();

    report = await browser.context.newPage();
    await report.goto(`chrome-extension://${browser.extensionId}/report.html?key=${encodeURIComponent(key)}`);
    await report.locator('section.entry').waitFor();
    expect(await report.locator('section.entry').getAttribute('data-level')).toBe(cleanLevel);
    expect(await report.locator('section.entry h2').textContent()).toContain(profile.name!);
    await evidence().getByRole('heading', { name: 'Your evidence' }).waitFor();
    // The background stored the full read, so the notes apply at once (no "next check" notice).
    expect(await report.getByTestId('notes-next-check').count()).toBe(0);
    for (const id of ['camera', 'pay-crypto', 'pay-third-party']) expect(await finding(id).count()).toBe(0);
  });

  it('a camera concern and a pasted payment instruction show their findings and raise the level', async () => {
    await evidence().locator('fieldset[data-item="camera"] input[value="concern"]').check();
    await evidence().getByLabel('Kind of text').selectOption('payment');
    await evidence().getByLabel('Text to add').fill(PAYMENT);
    await evidence().getByRole('button', { name: 'Add text' }).click();
    // The panel's own analysis of the pasted text.
    await expect.poll(() => evidence().locator('.vetter-notes-found').textContent()).toContain('TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE');

    await expect.poll(() => report.getByTestId('notes-status').textContent(), { timeout: 15_000 }).toContain('the findings above include your notes');
    await finding('camera').waitFor();
    await finding('pay-crypto').waitFor();
    await finding('pay-third-party').waitFor();
    expect(await finding('camera').getAttribute('data-severity')).toBe('high');
    expect(await finding('pay-crypto').textContent()).toContain('TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE');
    expect(await finding('pay-third-party').textContent()).toContain('Wang Lei');
    expect(await report.locator('section.entry').getAttribute('data-level')).toBe('high');
    expect(await report.locator('section.entry h2 .level').textContent()).toBe('High');
  });

  it('has no accessibility violations with the notes filled in (axe-core)', async () => {
    const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await report.evaluate(axe);
    const violations = await report.evaluate(async () => {
      const r = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
      return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });

  it('after a reload the notes and the findings are still there', async () => {
    await report.reload();
    await report.locator('section.entry').waitFor();
    expect(await evidence().locator('fieldset[data-item="camera"] input[value="concern"]').isChecked()).toBe(true);
    expect(await evidence().locator('.vetter-notes-pastes pre').textContent()).toBe(PAYMENT);
    expect(await report.locator('section.entry').getAttribute('data-level')).toBe('high');
    for (const id of ['camera', 'pay-crypto', 'pay-third-party']) expect(await finding(id).count()).toBeGreaterThan(0);
    expect(await report.locator('section.notes').textContent()).toContain('Pasted texts: 1');
  });

  it('visiting the profile again keeps the notes and their findings (the next check reads them too)', async () => {
    const page = await browser.context.newPage();
    await page.goto(fixture.url);
    const badge = page.locator('.vetter-badge:not([data-level="pending"])');
    await badge.waitFor({ timeout: 20_000 });
    expect(await badge.getAttribute('data-level')).toBe('high');
    await page.close();
  });
});
