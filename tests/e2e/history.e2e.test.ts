/**
 * Vetter's memory end to end, in Chromium with the built extension: two profiles on different marketplaces with
 * different names and the same photo (each served from its own site's image host), checked one after the other:
 * the second's badge shows the photo-reused flag naming the first. The same for a bio copied with a changed name
 * (text-template). Then the history page lists the checked profiles, with links to their reports.
 */
import { describe, expect, it } from 'vitest';
import { withExtension } from './with-extension';
import { checkHtml } from '../../lib/cli/check';

const ext = withExtension();
const { byFile } = ext;

const { openProfile } = ext;

describe('cross-profile findings in Chromium', () => {
  it('the fixture server serves the shared photo on both image hosts', async () => {
    const a = byFile('upwork/cross-photo-first.html');
    const b = byFile('fiverr/cross-photo-second.html');
    expect(a.photos![0]!.file).toBe(b.photos![0]!.file);
    expect(new URL(a.photos![0]!.url).hostname).not.toBe(new URL(b.photos![0]!.url).hostname);
    // Each on its own is clean in a one-off check.
    for (const f of [a, b]) expect(checkHtml(f.html, f.url).report.level).toBe('none');
  });

  it('the same photo under another name on another site: the second badge names the first', async () => {
    const first = byFile('upwork/cross-photo-first.html');
    const second = byFile('fiverr/cross-photo-second.html');
    const p1 = await openProfile(first.url);
    expect(await p1.locator('.vetter-badge').getAttribute('data-level')).toBe('none');
    await p1.close();
    const p2 = await openProfile(second.url);
    await expect.poll(() => p2.locator('.vetter-badge').getAttribute('data-level')).toBe('high');
    await p2.locator('.vetter-pill').click();
    const finding = p2.locator('.vetter-finding[data-rule-id="photo-reused"]');
    await finding.waitFor();
    const text = (await finding.textContent()) ?? '';
    expect(text).toContain('"Marcus H." on Upwork');
    expect(text).toContain(first.url);
    await p2.close();
  });

  it('a bio copied with a changed name: the second badge shows text-template with the shared passage', async () => {
    const first = byFile('upwork/cross-bio-first.html');
    const second = byFile('fiverr/cross-bio-second.html');
    const p1 = await openProfile(first.url);
    await p1.close();
    const p2 = await openProfile(second.url);
    await expect.poll(() => p2.locator('.vetter-badge').getAttribute('data-level')).toBe('high');
    await p2.locator('.vetter-pill').click();
    const finding = p2.locator('.vetter-finding[data-rule-id="text-template"]');
    await finding.waitFor();
    const text = (await finding.textContent()) ?? '';
    expect(text).toContain('"Elena V." on Upwork');
    expect(text).toMatch(/\d+% the same text/);
    expect(text).toContain('I have shipped marketplaces, booking systems, dashboards and payment integrations');
    // Their photos differ: no photo finding.
    expect(await p2.locator('.vetter-finding[data-rule-id="photo-reused"]').count()).toBe(0);
    await p2.close();
  });

  it('the history page lists the checked profiles with links to their reports', async () => {
    const page = await ext.browser.context.newPage();
    await page.goto(`chrome-extension://${ext.browser.extensionId}/profiles.html`);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const ryan = page.locator('tbody tr', { hasText: 'Ryan Porter' });
    expect(await ryan.locator('[data-level]').getAttribute('data-level')).toBe('high');
    expect(await ryan.getByRole('link', { name: 'Ryan Porter' }).getAttribute('href')).toBe('/report.html?key=fiverr%3Aryanporter_apps');
    await page.getByLabel('Level').selectOption('high');
    await expect.poll(() => rows.count()).toBe(2);
    await page.close();
  });
});
