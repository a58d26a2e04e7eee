/**
 * The Firefox build (.output/firefox-mv3-e2e: the same code as the store build, with an open shadow root to read the
 * badge) in a real Firefox ESR, driven over WebDriver BiDi (tests/e2e/firefox.ts). Installed as a temporary add-on; the
 * fixture pages at their real addresses. It checks what differs in Firefox: the MV3 event-page background (no service
 * worker), host permissions, the content script on the marketplace pages only, messaging, the history in the
 * background page's IndexedDB and the face analysis in an iframe of the background page (lib/face/client.ts).
 * The level and the flags must be those the engine gives for the same page in Node.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine';
import { extractProfile } from '../../lib/extractors';
import { parseHtmlDocument } from '../../lib/cli/check';
import { loadFixtures, startFixtureServer, type FixtureServer } from '../../lib/cli/harness';
import { findFirefox, launchFirefox, type FirefoxSession } from './firefox';

const DIST = join(import.meta.dirname, '../../.output/firefox-mv3-e2e');
const FIREFOX = findFirefox();
const fixtures = loadFixtures();
const byFile = (file: string) => fixtures.find((f) => f.file === file)!;
const EN = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;

/** What the badge shows, read through its open shadow root (null until it shows a level). */
const BADGE = `(() => {
  const host = document.querySelector('vetter-badge');
  const badge = host && host.shadowRoot && host.shadowRoot.querySelector('.vetter-badge');
  if (!badge || badge.dataset.level === 'pending') return null;
  return { level: badge.dataset.level, pill: badge.querySelector('.vetter-pill') ? badge.querySelector('.vetter-pill').textContent : '' };
})()`;
const OPEN_PANEL = `(() => { document.querySelector('vetter-badge').shadowRoot.querySelector('.vetter-pill').click(); return true; })()`;
const RULE_IDS = `(() => {
  const r = document.querySelector('vetter-badge').shadowRoot;
  const ids = [...r.querySelectorAll('.vetter-finding[data-rule-id]')].map((e) => e.dataset.ruleId);
  return ids.length ? ids : null;
})()`;

/** The engine's report for a fixture in Node (no history, no notes: a first check). */
function expected(file: string) {
  const f = byFile(file);
  const report = analyze(extractProfile(parseHtmlDocument(f.html), { url: f.url }));
  return { level: report.level, flags: report.findings.filter((x) => x.severity !== 'info').map((x) => x.ruleId) };
}

// CI installs Firefox ESR (.ci/run); elsewhere the file says why it did not run instead of failing.
describe.skipIf(!FIREFOX && !process.env['CI'])('Firefox (WebDriver BiDi, temporary add-on)', () => {
  let server: FixtureServer;
  let ff: FirefoxSession;
  beforeAll(async () => {
    if (!FIREFOX) throw new Error('No Firefox found: apt-get install firefox-esr, or set FIREFOX_PATH.');
    if (!existsSync(join(DIST, 'manifest.json'))) throw new Error(`No Firefox build at ${DIST}: run "npx wxt build -b firefox --mv3 --mode e2e".`);
    server = await startFixtureServer(fixtures);
    ff = await launchFirefox(server, FIREFOX);
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('installs the built add-on', async () => {
    expect(await ff.installExtension(DIST)).toBe('vetter@vetter.invalid');
  });

  it('checks a clean Upwork profile: no flags (first, before the face fixtures that reuse its text make the history flag it)', async () => {
    const want = expected('upwork/clean.html');
    expect(want.level).toBe('none');
    const tab = await ff.newTab();
    await ff.navigate(tab, byFile('upwork/clean.html').url);
    const badge = await ff.waitFor<{ level: string }>(tab, BADGE, 30_000);
    expect(badge.level).toBe('none');
  });

  it('checks a flagged LinkedIn profile: the level and the flags the engine gives in Node, in the badge and its panel', async () => {
    const want = expected('linkedin/logged-in-flagged.html');
    expect(want.level).not.toBe('none');
    const tab = await ff.newTab();
    await ff.navigate(tab, byFile('linkedin/logged-in-flagged.html').url);
    const badge = await ff.waitFor<{ level: string; pill: string }>(tab, BADGE, 30_000);
    expect(badge.level).toBe(want.level);
    expect(badge.pill).toContain(EN[`level_${want.level}`]!.message);
    expect(badge.pill).toContain(EN['flagsMany']!.message.replace('$1', String(want.flags.length)));
    await ff.evaluate(tab, OPEN_PANEL);
    const ids = await ff.waitFor<string[]>(tab, RULE_IDS);
    for (const id of want.flags) expect(ids).toContain(id);
  });

  it('checks a flagged Upwork profile: at least the engine\'s level and flags (the background adds what the photo shows)', async () => {
    const want = expected('upwork/full-flagged.html');
    const tab = await ff.newTab();
    await ff.navigate(tab, byFile('upwork/full-flagged.html').url);
    const badge = await ff.waitFor<{ level: string }>(tab, BADGE, 45_000);
    expect(['none', 'low', 'medium', 'high'].indexOf(badge.level)).toBeGreaterThanOrEqual(['none', 'low', 'medium', 'high'].indexOf(want.level));
    await ff.evaluate(tab, OPEN_PANEL);
    const ids = await ff.waitFor<string[]>(tab, RULE_IDS);
    for (const id of want.flags) expect(ids).toContain(id);
  });

  it('runs the face analysis in the background page\'s iframe: StyleGAN framing on the FFHQ-aligned photo, "no face" on the logo', async () => {
    const photoRules = async (file: string, waitFor: string) => {
      const tab = await ff.newTab();
      await ff.navigate(tab, byFile(file).url);
      await ff.waitFor(tab, BADGE, 60_000);
      await ff.evaluate(tab, OPEN_PANEL);
      // The photo findings arrive with the report; the first photo also loads the model.
      const ids = await ff.waitFor<string[]>(tab, `(() => { const ids = ${RULE_IDS}; return ids && ids.includes(${JSON.stringify(waitFor)}) ? ids : null; })()`, 60_000);
      return ids.filter((id) => id.startsWith('photo-'));
    };
    expect(await photoRules('upwork/face-ffhq-photo.html', 'photo-synthetic')).not.toContain('photo-no-face');
    expect(await photoRules('upwork/face-logo-photo.html', 'photo-no-face')).toEqual(['photo-no-face']);
  });

  it('remembers what it has seen (the history in the background page\'s IndexedDB): the clean profile\'s text, since seen under other names, is flagged at its next check', async () => {
    const tab = await ff.newTab();
    await ff.navigate(tab, byFile('upwork/clean.html').url);
    const badge = await ff.waitFor<{ level: string }>(tab, BADGE, 30_000);
    expect(badge.level).not.toBe('none');
    await ff.evaluate(tab, OPEN_PANEL);
    expect(await ff.waitFor<string[]>(tab, RULE_IDS)).toContain('text-template');
  });

  it('stays off a page its content script does not match (no badge after the page is read)', async () => {
    const url = 'https://www.upwork.com/nx/find-work/';
    server.add(url, '<!doctype html><title>Find work</title><h1>Find work</h1><p>Jobs for you.</p>');
    const tab = await ff.newTab();
    await ff.navigate(tab, url);
    await ff.waitFor(tab, `document.readyState === 'complete'`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await ff.evaluate(tab, `document.querySelectorAll('vetter-badge').length`)).toBe(0);
    expect(await ff.evaluate(tab, `document.querySelector('h1').textContent`)).toBe('Find work');
  });
});
