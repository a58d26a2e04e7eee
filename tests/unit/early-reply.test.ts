/**
 * The page-load check answers before its save (issue 8): the badge gets the report as soon as the rules ran, the entry
 * is stored afterwards (in order: the next check reads the history after it), and a save that then fails is told to
 * the tab ('vetter:history-status'), which the content script checks by hand and only from the extension itself.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkTimes, handleHistoryMessage, handleMessage, savesSettled, type BackgroundDeps } from '@/entrypoints/background';
import { historyStatusMessage } from '@/entrypoints/content/replies';
import { openHistory, type HistoryStoreExt } from '@/lib/history/store';
import { lastHistoryStatus } from '@/lib/history/store-status';
import { AnalyzeResult, HistoryStatusMessage } from '@/lib/messages';
import { fromOwnExtension } from '@/lib/security/senders';
import { defaultSettings } from '@/lib/settings/schema';
import { extractFixture, NOW } from './helpers';

const KEY = 'upwork:~01f3a9c2b7d4e5a6b1';
const URL_ = 'https://www.upwork.com/freelancers/~01f3a9c2b7d4e5a6b1';
const contentScript = () => ({ id: browser.runtime.id, url: URL_, tab: { id: 3, url: URL_ }, frameId: 0 });

let store: HistoryStoreExt;
/** Holds every put until opened (a slow disk). */
let gate: { open: () => void; wait: Promise<void> };
let putError: Error | null;
let notify: ReturnType<typeof vi.fn<NonNullable<BackgroundDeps['notifyTab']>>>;
let deps: BackgroundDeps;
const newGate = () => {
  let open = () => {};
  const wait = new Promise<void>((r) => (open = r));
  return { open, wait };
};
beforeEach(async () => {
  fakeBrowser.reset();
  const real = await openHistory(new IDBFactory());
  gate = newGate();
  putError = null;
  store = Object.assign(Object.create(real) as HistoryStoreExt, {
    put: async (e: Parameters<HistoryStoreExt['put']>[0]) => {
      await gate.wait;
      if (putError) throw putError;
      return real.put(e);
    },
  });
  notify = vi.fn(async () => undefined);
  deps = { openStore: async () => store, photo: () => Promise.reject(new Error('no photos here')), settings: async () => defaultSettings(), now: () => NOW, notifyTab: notify };
});
const auto = () => handleMessage({ type: 'vetter:analyze', profile: extractFixture('full-flagged'), auto: true, unchecked: true }, contentScript(), deps)!;

describe('the page-load check replies before the save', () => {
  it('answers with the report while the entry is still being written, then stores it', async () => {
    const res = AnalyzeResult.parse(await auto());
    expect(res.ok && res.report.level).toBe('high');
    expect(res.ok && res.history).toBeUndefined(); // not known yet
    expect(await store.get(KEY)).toBeNull();
    gate.open();
    await savesSettled();
    expect((await store.get(KEY))?.checks).toBe(1);
    expect(await lastHistoryStatus()).toMatchObject({ state: 'saved', key: KEY });
    expect(notify).not.toHaveBeenCalled();
    // Each step was timed (for `npm run bench`), the reply before the save.
    const t = checkTimes.at(-1)!;
    for (const k of ['settings', 'history', 'analyze', 'reply', 'save', 'status', 'total'] as const) expect(t[k]).toBeGreaterThanOrEqual(0);
  });

  it('tells the tab when the save then fails, and keeps the status for the popup', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    putError = new Error('disk on fire');
    const res = AnalyzeResult.parse(await auto());
    expect(res.ok).toBe(true);
    gate.open();
    await savesSettled();
    expect(notify).toHaveBeenCalledTimes(1);
    const [tabId, frameId, msg] = notify.mock.calls[0]!;
    expect([tabId, frameId]).toEqual([3, 0]);
    const parsed = HistoryStatusMessage.parse(msg);
    expect(parsed.status).toMatchObject({ state: 'failed', key: KEY, message: expect.stringMatching(/not saved in the history \(disk on fire\)/) });
    // What the content script reads from it.
    expect(historyStatusMessage(msg)).toEqual({ key: KEY, note: parsed.status.message });
    expect(await lastHistoryStatus()).toMatchObject({ state: 'failed' });
  });

  it('the toolbar’s check (not auto) still answers after the save, with its status', async () => {
    gate.open();
    putError = new Error('nope');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const res = AnalyzeResult.parse(await handleMessage({ type: 'vetter:analyze', profile: extractFixture('full-flagged'), unchecked: true }, contentScript(), deps));
    expect(res.ok && res.history?.state).toBe('failed');
    expect(notify).not.toHaveBeenCalled();
  });

  it('a check right after reads the history only once the previous save is done', async () => {
    await auto();
    const second = auto();
    gate.open();
    await second;
    await savesSettled();
    expect((await store.get(KEY))?.checks).toBe(2);
  });

  it('a dismissal sent right after the answer applies to the entry being stored', async () => {
    await auto();
    const dismiss = handleHistoryMessage(
      { type: 'vetter:dismiss', key: KEY, dismissal: { ruleId: 'r', title: 't', note: 'explained', at: NOW.toISOString() } },
      contentScript(),
      deps,
    )!;
    gate.open();
    expect(await dismiss).toMatchObject({ ok: true, dismissals: [{ ruleId: 'r', note: 'explained' }] });
    expect((await store.get(KEY))?.dismissals).toHaveLength(1);
  });

  it('when the history cannot be opened, the answer itself says so (nothing to follow)', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    deps.openStore = () => Promise.reject(new Error('broken'));
    const res = AnalyzeResult.parse(await auto());
    expect(res.ok && res.history).toMatchObject({ state: 'unavailable', message: expect.stringMatching(/History unavailable: broken/) });
    await savesSettled();
    expect(notify).not.toHaveBeenCalled();
  });
});

describe("the content script's checks of the follow-up", () => {
  const status = { state: 'full', message: 'History is full: this check was not saved.', key: KEY, at: NOW.toISOString() };
  it('reads a status that was not simply saved, and refuses anything else', () => {
    expect(historyStatusMessage({ type: 'vetter:history-status', status })).toEqual({ key: KEY, note: status.message });
    expect(historyStatusMessage({ type: 'vetter:history-status', status: { ...status, state: 'saved' } })).toBeNull();
    expect(historyStatusMessage({ type: 'vetter:history-status', status: { ...status, state: 'gone' } })).toBeNull();
    expect(historyStatusMessage({ type: 'vetter:history-status', status: { ...status, message: null } })).toBeNull();
    expect(historyStatusMessage({ type: 'vetter:history-status', status: { ...status, key: 7 } })).toBeNull();
    expect(historyStatusMessage({ type: 'vetter:check', status })).toBeNull();
    expect(historyStatusMessage(null)).toBeNull();
  });
  it('accepts messages only from this extension, not from a tab', () => {
    expect(fromOwnExtension({ id: 'ext' }, 'ext')).toBe(true);
    expect(fromOwnExtension({ id: 'other' }, 'ext')).toBe(false);
    expect(fromOwnExtension({ id: 'ext', tab: { id: 1 } }, 'ext')).toBe(false);
    expect(fromOwnExtension({}, '')).toBe(false);
  });
});
