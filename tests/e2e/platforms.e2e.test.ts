/**
 * Every fixture page of every supported platform, served at its real URL in Chromium with the built extension:
 * the badge appears, and shows the same level and flag count as the command-line check computes from the same HTML
 * in Node (one extractor and engine, two DOMs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../../lib/cli/check';
import { launchWithExtension, loadFixtures, renderFixture, startFixtureServer, type FixtureServer, type Launched } from '../../lib/cli/harness';
import { siteExtractorFor } from '../../lib/extractors';

// "cross-" fixtures come in pairs for the history test (history.e2e.test.ts): once the history has seen one of a pair,
// the other's level legitimately differs from a one-off check. Fixtures with a served photo (PHOTO: line) get face
// findings in the browser; the Node CLI has no face model.
const fixtures = loadFixtures().filter((f) => siteExtractorFor(f.url) && !/\/cross-/.test(f.file) && !f.photos);
let server: FixtureServer;
let browser: Launched;

beforeAll(async () => {
  server = await startFixtureServer(loadFixtures());
  browser = await launchWithExtension({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('badge on every platform fixture in Chromium', () => {
  it('covers every fixture with a site extractor', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  for (const f of fixtures) {
    it(`${f.file} at ${f.url}`, async () => {
      const expected = checkHtml(renderFixture(f), f.url, { liveClock: true }).report;
      const page = await browser.context.newPage();
      await page.goto(f.url);
      const badge = page.locator('.vetter-badge:not([data-level="pending"])');
      await badge.waitFor({ timeout: 15_000 });
      expect(await badge.getAttribute('data-level')).toBe(expected.level);
      expect(Number(await badge.getAttribute('data-flags'))).toBe(expected.findings.filter((x) => x.severity !== 'info').length);
      expect((await page.locator('.vetter-partial').count()) > 0).toBe(expected.missing.length > 0);
      expect(await page.locator('vetter-badge').count()).toBe(1);
      await page.close();
    });
  }
});
