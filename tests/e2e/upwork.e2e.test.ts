/**
 * End to end in real Chromium (Debian's /usr/bin/chromium) with the production build loaded: fixture pages are
 * served at their real Upwork URLs over https (host mapped to a local server), the content script runs as on the
 * real site, and the popup's button checks the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../../lib/cli/check';
import { launchWithExtension, loadFixtures, renderFixture, startFixtureServer, type FixtureServer, type Launched } from '../../lib/cli/harness';

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

const fixtures = loadFixtures().filter((f) => f.file.startsWith('upwork/'));
const byName = (name: string) => fixtures.find((f) => f.file === `upwork/${name}.html`)!;

let server: FixtureServer;
let browser: Launched;

beforeAll(async () => {
  server = await startFixtureServer(loadFixtures());
  server.add('https://www.upwork.com/nx/jobs/search/', '<!doctype html><html><body><h2>Jobs</h2></body></html>');
  browser = await launchWithExtension({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The id of the tab in front (the extension has no "tabs" permission, so tabs cannot be found by URL). */
async function activeTabId(): Promise<number | undefined> {
  const tabs = await browser.worker.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }));
  return tabs[0]?.id;
}

async function openProfile(url: string) {
  const page = await browser.context.newPage();
  const res = await page.goto(url);
  expect(res?.status()).toBe(200);
  // The badge leaves its pending state once the background has answered.
  await page.locator('.vetter-badge:not([data-level="pending"])').waitFor({ timeout: 15_000 });
  return page;
}

describe('Upwork profile pages in Chromium', () => {
  it('shows a high badge with the seeded flags on the seeded profile', async () => {
    const f = byName('full-flagged');
    const expected = checkHtml(renderFixture(f), f.url, { liveClock: true }).report;
    const expectedRules = expected.findings.filter((x) => x.severity !== 'info').map((x) => x.ruleId);
    // What the fixture was seeded with (see its top comment and the rules' tests).
    expect(expectedRules).toEqual(expect.arrayContaining(['photo-missing', 'edu-asia-emp-west', 'emp-front', 'pay-crypto', 'loc-time']));
    const page = await openProfile(f.url);
    const badge = page.locator('.vetter-badge');
    await expect.poll(() => badge.getAttribute('data-level')).toBe('high');
    expect(await badge.getAttribute('data-flags')).toBe(String(expectedRules.length));
    await expect.poll(() => page.locator('.vetter-pill').textContent()).toMatch(new RegExp(`High.*${expectedRules.length} flags`));
    await page.locator('.vetter-pill').click();
    const rules = await page.locator('.vetter-finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
    expect([...rules].sort()).toEqual([...expected.findings.map((x) => x.ruleId)].sort());
    const front = page.locator('.vetter-finding[data-rule-id="emp-front"]');
    expect(await front.textContent()).toContain('HopanaTech');
    expect(await front.textContent()).toContain('Verify next:');
    expect(await page.locator('.vetter-why').textContent()).toContain('strong sign');
    // The page's own content is still there and readable.
    expect(await page.locator('h2[itemprop="name"]').textContent()).toBe('Daniel K.');
    await page.close();
  });

  it('shows no flags on the clean profile', async () => {
    const page = await openProfile(byName('clean').url);
    await expect.poll(() => page.locator('.vetter-badge').getAttribute('data-level')).toBe('none');
    expect(await page.locator('.vetter-pill').textContent()).toContain('0 flags');
    await page.close();
  });

  it('says "partial read" on the logged-out profile', async () => {
    const page = await openProfile(byName('sparse-logged-out').url);
    expect(await page.locator('.vetter-pill').textContent()).toContain('partial read');
    await page.locator('.vetter-pill').click();
    expect(await page.locator('.vetter-missing').textContent()).toMatch(/education.*employment/);
    await page.close();
  });

  it('does not run on Upwork pages that are not freelancer profiles', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.upwork.com/nx/jobs/search/');
    await page.waitForTimeout(1500);
    expect(await page.locator('vetter-badge').count()).toBe(0);
    await page.close();
  });

  it('the popup button checks the profile in the chosen tab', async () => {
    const url = byName('full-flagged').url;
    const page = await openProfile(url);
    await page.bringToFront();
    const tabId = await activeTabId();
    expect(typeof tabId).toBe('number');
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Check this profile' }).click();
    const level = popup.locator('[data-testid="result"] [data-level]');
    await level.waitFor({ timeout: 15_000 });
    expect(await level.getAttribute('data-level')).toBe('high');
    expect(await popup.locator('[data-testid="result"]').textContent()).toContain('Daniel K.');
    const f = byName('full-flagged');
    expect(await popup.locator('[data-testid="result"] li').count()).toBe(checkHtml(renderFixture(f), f.url, { liveClock: true }).report.findings.length);
    await popup.close();
    await page.close();
  });

  it('the popup explains when the tab is not a supported profile page', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.upwork.com/nx/jobs/search/');
    await page.bringToFront();
    const tabId = await activeTabId();
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByRole('button', { name: 'Check this profile' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('not a supported profile page');
    await popup.close();
    await page.close();
  });

  it('re-reads a section that loads later and updates the same badge', async () => {
    const base = byName('clean');
    const lazyUrl = 'https://www.upwork.com/freelancers/~01aaaaaaaaaaaaaaaa';
    const late = `<script>setTimeout(() => {
      const s = document.createElement('section');
      s.setAttribute('data-test', 'employment-history');
      s.innerHTML = '<h2 class="h4">Employment history</h2><section class="air3-card-section"><h4 role="presentation">Engineer | HopanaTech</h4><div>January 2021 - Present</div></section>';
      document.querySelector('main').appendChild(s);
    }, 1500);</script>`;
    // The same clean profile, without its employment section, which arrives 1.5 s after load.
    server.add(lazyUrl, renderFixture(base).replace(/<section class="air3-card-section" data-test="employment-history">[\s\S]*?<\/section>\s*<\/section>/, '').replace('</body>', `${late}</body>`));
    const page = await openProfile(lazyUrl);
    await expect.poll(() => page.locator('.vetter-badge').getAttribute('data-level')).toBe('none');
    await expect.poll(() => page.locator('.vetter-badge').getAttribute('data-level'), { timeout: 10_000 }).toBe('high');
    expect(await page.locator('vetter-badge').count()).toBe(1);
    await page.close();
  });

  it("sees what the page's own DOMContentLoaded handler adds and shows it in the one badge", async () => {
    const base = byName('clean');
    const url = 'https://www.upwork.com/freelancers/~01bbbbbbbbbbbbbbbb';
    // The page fills its employment section in its own DOMContentLoaded handler. At document_end Vetter reads after it;
    // read before it (document_start), the change is noticed and read again when the badge is shown (index.tsx).
    const onDcl = `<script>document.addEventListener('DOMContentLoaded', () => {
      const s = document.createElement('section');
      s.setAttribute('data-test', 'employment-history');
      s.innerHTML = '<h2 class="h4">Employment history</h2><section class="air3-card-section"><h4 role="presentation">Engineer | HopanaTech</h4><div>January 2021 - Present</div></section>';
      document.querySelector('main').appendChild(s);
    });</script>`;
    server.add(url, renderFixture(base).replace(/<section class="air3-card-section" data-test="employment-history">[\s\S]*?<\/section>\s*<\/section>/, '').replace('</head>', `${onDcl}</head>`));
    const page = await openProfile(url);
    await expect.poll(() => page.locator('.vetter-badge').getAttribute('data-level'), { timeout: 10_000 }).toBe('high');
    expect(await page.locator('vetter-badge').count()).toBe(1);
    await page.close();
  });

  it('follows single-page navigation to another profile without a second badge', async () => {
    const page = await openProfile(byName('clean').url);
    await expect.poll(() => page.locator('.vetter-badge').getAttribute('data-level')).toBe('none');
    const flagged = byName('full-flagged');
    // What an SPA does: swap the content and push the new address.
    await page.evaluate(
      ({ html, url }) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const host = document.querySelector('vetter-badge');
        document.body.replaceChildren(...Array.from(doc.body.childNodes).map((n) => document.importNode(n, true)));
        if (host) document.body.appendChild(host);
        history.pushState({}, '', url);
      },
      { html: flagged.html, url: flagged.url },
    );
    await expect.poll(() => page.locator('.vetter-badge').getAttribute('data-level'), { timeout: 10_000 }).toBe('high');
    expect(await page.locator('vetter-badge').count()).toBe(1);
    await page.close();
  });
});
