/**
 * Hostile pages in real Chromium with the e2e build (open shadow root so the test can read the badge): profile pages
 * whose every person-controlled field carries script tags, img onerror, javascript:/data: links, CSS escapes, 100 KB
 * strings, bidi overrides and zero-width characters (tests/fixtures/hostile/). After the badge shows its report and
 * its details are opened: nothing ran (`window.__pwned` stays undefined in the page, no CSP violation, no page error
 * mentioning it), the badge is on screen and its text is of sane length, and every link Vetter renders is http(s).
 * The page's own attempts to talk to the extension (postMessage, DOM events, WXT's "newer script started" event)
 * change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../../lib/cli/check';
import { launchWithExtension, loadFixtures, renderFixture, startFixtureServer, type FixtureServer, type Launched } from '../../lib/cli/harness';
import { siteExtractorFor } from '../../lib/extractors';
import type { Page } from 'playwright-core';

const hostile = loadFixtures().filter((f) => f.file.startsWith('hostile/') && siteExtractorFor(f.url));
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

interface Watch {
  console: string[];
  errors: string[];
}

/** Open a page with a watch on CSP violations, console messages and page errors installed before any script. */
async function open(url: string): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.context.newPage();
  const watch: Watch = { console: [], errors: [] };
  page.on('console', (m) => watch.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => watch.errors.push(String(e)));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const res = await page.goto(url);
  expect(res?.status()).toBe(200);
  await page.locator('.vetter-badge:not([data-level="pending"])').waitFor({ timeout: 20_000 });
  return { page, watch };
}

/** Click every collapsed button in the badge (the pill, then any sections it reveals). */
async function openDetails(page: Page): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const closed = page.locator('vetter-badge button[aria-expanded="false"]');
    const n = await closed.count();
    if (n === 0) break;
    for (let i = n - 1; i >= 0; i--) await closed.nth(i).click();
  }
}

describe('hostile profile pages in Chromium', () => {
  it('covers at least three site pages', () => {
    expect(hostile.map((f) => f.file)).toEqual(expect.arrayContaining(['hostile/upwork-hostile.html', 'hostile/linkedin-hostile.html', 'hostile/github-hostile.html']));
  });

  for (const f of hostile) {
    it(`${f.file}: nothing runs, the badge is readable, links are http(s)`, async () => {
      const expected = checkHtml(renderFixture(f), f.url, { liveClock: true }).report;
      const { page, watch } = await open(f.url);
      const badge = page.locator('.vetter-badge');
      expect(await badge.getAttribute('data-level')).toBe(expected.level);
      await openDetails(page);
      expect(await page.locator('.vetter-finding').count()).toBe(expected.findings.length);
      // Let anything that was going to fire (onerror of a broken image, onload of an svg) fire.
      await page.waitForTimeout(1000);

      // Nothing ran in the page.
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
      expect(watch.errors).toEqual([]);
      expect(watch.console.filter((m) => /pwned|Refused to|Content Security Policy/i.test(m))).toEqual([]);
      // The page's own script did run (so the watch is live) and forged its messages.
      expect(await page.evaluate(() => (window as unknown as { __forged?: number }).__forged)).toBe(3);

      // The badge is on screen, visible and its summary is short.
      const box = await page.locator('.vetter-pill').boundingBox();
      expect(box && box.width > 20 && box.height > 10).toBe(true);
      const vp = page.viewportSize()!;
      expect(box!.x >= 0 && box!.y >= 0 && box!.x + box!.width <= vp.width && box!.y + box!.height <= vp.height).toBe(true);
      const pill = (await page.locator('.vetter-pill').textContent()) ?? '';
      expect(pill.length).toBeGreaterThan(5);
      expect(pill.length).toBeLessThan(120);
      expect(pill).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200D]/);
      const style = await page.locator('.vetter-badge').evaluate((el) => {
        const s = getComputedStyle(el);
        return { display: s.display, visibility: s.visibility, opacity: s.opacity };
      });
      expect(style).toMatchObject({ visibility: 'visible', opacity: '1' });
      expect(style.display).not.toBe('none');
      // The details panel holds the hostile text as text: no element made from it, and its length is bounded.
      const inside = await page.locator('vetter-badge').evaluate((host) => {
        const root = host.shadowRoot!;
        return {
          dangerous: root.querySelectorAll('script:not([src]), img, svg, iframe, object, embed, .vetter-details style').length,
          handlers: Array.from(root.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
          hrefs: Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href')),
          text: root.textContent ?? '',
        };
      });
      expect(inside.dangerous).toBe(0);
      expect(inside.handlers).toEqual([]);
      expect(inside.hrefs.length).toBeGreaterThan(0);
      for (const href of inside.hrefs) expect(href).toMatch(/^https?:\/\//);
      expect(inside.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\u200C\uFEFF]/);
      expect(inside.text.length).toBeLessThan(60_000);
      expect(await page.locator('vetter-badge').count()).toBe(1);
      await page.close();
    });
  }

  it('a page cannot stop the content script by faking WXT\'s "newer script started" event or by posting messages', async () => {
    const f = hostile.find((x) => x.file === 'hostile/upwork-hostile.html')!;
    const { page } = await open(f.url);
    const level = await page.locator('.vetter-badge').getAttribute('data-level');
    await page.evaluate((id) => {
      for (const name of [`${id}:content:wxt:content-script-started`, 'wxt:content-script-started']) {
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
        window.postMessage({ type: name, contentScriptName: 'content', messageId: 'forged' }, '*');
      }
      window.postMessage({ type: 'vetter:analyze', profile: { name: 'forged' } }, '*');
    }, browser.extensionId);
    await page.waitForTimeout(1000);
    // Still there, same report, and still live: a DOM change is still re-read.
    expect(await page.locator('vetter-badge').count()).toBe(1);
    expect(await page.locator('.vetter-badge').getAttribute('data-level')).toBe(level);
    await page.close();
  });
});
