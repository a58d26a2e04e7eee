/**
 * Message safety: the background validates every message with zod and checks who sent it (lib/security/senders.ts);
 * forged messages (another extension's id, a web page, a malformed payload, a content script asking for an
 * extension-page-only action, a content script on a page no extractor handles) get no answer. The content script
 * listens to no message a page can send (no window "message" listener).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background, { handleMessage } from '@/entrypoints/background';
import { AnalyzeResult } from '@/lib/messages';
import { allowExplicitCheck, clearExplicitChecks, CONTENT_SCRIPT_MESSAGES, forgetExplicitCheck, refusal, senderKind, type Sender } from '@/lib/security/senders';
import { makeProfile, REPO_ROOT } from './helpers';

const PROFILE_URL = 'https://www.upwork.com/freelancers/~01f3a9c2b7d4e5a6b1';
const id = () => browser.runtime.id;
const origin = () => browser.runtime.getURL('/');
const contentScript = (url = PROFILE_URL, tabId = 7): Sender => ({ id: id(), url, tab: { id: tabId, url }, frameId: 0 });
const extensionPage = (path = 'popup.html'): Sender => ({ id: id(), url: `${origin()}${path}` });
const analyze = () => ({ type: 'vetter:analyze', profile: makeProfile({ source: { platform: 'upwork', url: PROFILE_URL, profileId: null, capturedAt: '2025-03-01T12:00:00.000Z' } }) });

beforeEach(() => {
  fakeBrowser.reset();
  clearExplicitChecks();
});

describe('senderKind', () => {
  it('tells extension pages from content scripts by the sender URL origin', () => {
    expect(senderKind(extensionPage(), id(), origin())).toBe('extension-page');
    expect(senderKind(extensionPage('options.html'), id(), origin())).toBe('extension-page');
    // The popup opened as a tab has sender.tab set, but its URL is the extension's.
    expect(senderKind({ ...extensionPage(), tab: { id: 3 } }, id(), origin())).toBe('extension-page');
    expect(senderKind(contentScript(), id(), origin())).toBe('content-script');
  });

  it('is null for other extensions, missing ids and senders without a URL or tab', () => {
    expect(senderKind({ ...contentScript(), id: 'abcdefghijklmnopabcdefghijklmnop' }, id(), origin())).toBeNull();
    expect(senderKind({ ...extensionPage(), id: undefined }, id(), origin())).toBeNull();
    expect(senderKind({ id: id() }, id(), origin())).toBeNull();
    expect(senderKind({ id: id(), url: PROFILE_URL }, id(), origin())).toBeNull(); // a web URL without a tab
    expect(senderKind({ id: id(), url: 'not a url', tab: { id: 1 } }, id(), origin())).toBeNull();
    expect(senderKind({ id: id(), url: 'chrome-extension://someoneelse/popup.html', tab: { id: 1 } }, id(), origin())).toBeNull();
    expect(senderKind({ id: '', url: PROFILE_URL, tab: { id: 1 } }, '', origin())).toBeNull();
  });
});

describe('refusal (who may send what)', () => {
  it('a content script may send its listed messages from a supported profile page', () => {
    expect(refusal('vetter:analyze', contentScript(), id(), origin())).toBeNull();
    expect(Object.keys(CONTENT_SCRIPT_MESSAGES).sort()).toEqual(['vetter:analyze', 'vetter:annotations', 'vetter:dismiss', 'vetter:open', 'vetter:undismiss', 'vetter:verify']);
  });

  it('extension-page-only messages (store writes, settings, anything unlisted) are refused from content scripts', () => {
    for (const type of ['vetter:check', 'vetter:settings:save', 'vetter:history:put', 'vetter:history:clear', 'vetter:notes:save', undefined, 42, '__proto__', 'toString', 'constructor'])
      expect(refusal(type, contentScript(), id(), origin()), String(type)).toMatch(/extension pages only/);
    // … and accepted from extension pages (their payload is then validated by the handler).
    expect(refusal('vetter:settings:save', extensionPage('options.html'), id(), origin())).toBeNull();
  });

  it('a content script on a page no extractor handles is refused unless the user asked to check that tab', () => {
    const other = contentScript('https://evil.example/freelancers/~01f3a9c2b7d4e5a6b1', 9);
    expect(refusal('vetter:analyze', other, id(), origin())).toMatch(/not a supported profile page/);
    expect(refusal('vetter:analyze', contentScript('https://www.upwork.com/nx/jobs/search/', 9), id(), origin())).not.toBeNull();
    allowExplicitCheck(9);
    expect(refusal('vetter:analyze', other, id(), origin())).toBeNull();
    // The grant is for that tab only, and for content-script messages only.
    expect(refusal('vetter:analyze', { ...other, tab: { id: 10 } }, id(), origin())).not.toBeNull();
    expect(refusal('vetter:settings:save', other, id(), origin())).not.toBeNull();
    forgetExplicitCheck(9);
    expect(refusal('vetter:analyze', other, id(), origin())).not.toBeNull();
  });
});

describe('the background listener refuses forged messages', () => {
  /** Send through the listener the background registers, as the browser would. */
  async function send(message: unknown, sender: Sender): Promise<unknown> {
    const results = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);
    return results[0];
  }

  beforeEach(() => {
    // fakeBrowser has no context menus or commands: the background's listeners for them are not under test here.
    vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    background.main();
  });

  it('answers a valid analyze from a content script on a profile page, and from the popup', async () => {
    for (const sender of [contentScript(), extensionPage()]) {
      const res = AnalyzeResult.parse(await send(analyze(), sender));
      expect(res.ok).toBe(true);
    }
  });

  it('wrong id, no id, a web page origin or another extension: no answer', async () => {
    const forged: Sender[] = [
      { ...contentScript(), id: 'otherextensionidotherextensionid' },
      { url: PROFILE_URL, tab: { id: 7 } },
      { id: id() },
      { id: id(), url: 'https://evil.example/', tab: { id: 1 } },
      { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/popup.html' },
    ];
    for (const s of forged) expect(await send(analyze(), s), JSON.stringify(s)).toBeUndefined();
  });

  it('malformed payloads get no answer, from any sender', async () => {
    const bad = [
      null,
      'vetter:analyze',
      { type: 'vetter:analyze' },
      { type: 'vetter:analyze', profile: null },
      { type: 'vetter:analyze', profile: { ...analyze().profile, rawText: 'x'.repeat(20_001) } },
      { type: 'vetter:analyze', profile: { ...analyze().profile, source: { ...analyze().profile.source, url: 'javascript:alert(1)' } } },
      { type: 'vetter:analyze', profile: { ...analyze().profile, education: [{ school: 1 }] } },
      { type: 'VETTER:ANALYZE', profile: analyze().profile },
      { type: 'vetter:check' }, // the content script's message, not the background's
      JSON.parse('{"type":"vetter:analyze","__proto__":{"ok":true}}'),
    ];
    for (const m of bad) for (const s of [contentScript(), extensionPage()]) expect(await send(m, s)).toBeUndefined();
  });

  it('random messages from random senders never throw and are answered only when valid and allowed', async () => {
    const senderArb = fc.record(
      {
        id: fc.oneof(fc.constant(id()), fc.string()),
        url: fc.oneof(fc.constant(PROFILE_URL), fc.constant(browser.runtime.getURL('/popup.html')), fc.webUrl(), fc.string()),
        tab: fc.option(fc.record({ id: fc.nat(), url: fc.webUrl() }), { nil: undefined }),
      },
      { requiredKeys: [] },
    );
    const msgArb = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constantFrom('vetter:analyze', 'vetter:check', 'vetter:settings:save'), profile: fc.anything() }),
      fc.constant(analyze()),
    );
    await fc.assert(
      fc.asyncProperty(msgArb, senderArb, async (m, s) => {
        const res = handleMessage(m, s);
        if (res === undefined) return;
        // Answered: then the sender was allowed and the message valid.
        expect(refusal((m as { type?: unknown }).type, s, id(), origin())).toBeNull();
        expect(AnalyzeResult.safeParse(await res).success).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});

describe('the content script takes no message from the page', () => {
  /** Source files the content script is built from (its entrypoint, components and lib). */
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return f === 'data' ? [] : sources(p);
      return /\.(ts|tsx)$/.test(f) ? [p] : [];
    });
  }

  it('no window "message" listener, onmessage handler or DOM-event command channel in its code', () => {
    const files = [...sources(join(REPO_ROOT, 'entrypoints/content')), ...sources(join(REPO_ROOT, 'components')), ...sources(join(REPO_ROOT, 'lib'))];
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => {
      if (f.includes('/lib/cli/')) return false; // Node only
      // The history store's BroadcastChannel between the extension's own pages; never bundled into the content
      // script (checked below on the build).
      if (f.endsWith('/lib/history/store.ts')) return false;
      const code = readFileSync(f, 'utf8');
      return /addEventListener\(\s*['"`]message['"`]|\bonmessage\s*=|\.on\(\s*['"`]message['"`]/.test(code);
    });
    expect(offenders).toEqual([]);
    const built = join(REPO_ROOT, '.output/chrome-mv3/content-scripts/content.js');
    if (existsSync(built)) expect(readFileSync(built, 'utf8')).not.toContain('-history-changed');
  });

  it('the content script checks the sender of runtime messages it accepts', () => {
    const code = readFileSync(join(REPO_ROOT, 'entrypoints/content/index.tsx'), 'utf8');
    expect(code).toMatch(/onMessage\.addListener\(\(message[^)]*,\s*sender\)[\s\S]{0,120}!fromOwnExtension\(sender, browser\.runtime\.id\)/);
  });
});
