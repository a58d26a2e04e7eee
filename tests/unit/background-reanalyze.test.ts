/**
 * The manager's notes applied at once: mergeEntry keeps the last full profile read (rawText capped), and the
 * background's 'vetter:reanalyze' re-runs the rules on it with the stored notes, the history matches recomputed from
 * the store and the settings, stores the new report and returns it. Only the extension's own pages may ask.
 * The real IndexedDB store over fake-indexeddb, the real check pipeline (handleMessage) to fill it.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fromExtensionPage, handleMessage, handleReanalyzeMessage, type BackgroundDeps } from '@/entrypoints/background';
import { mergeEntry } from '@/lib/history/record';
import { HistoryEntry, STORED_RAW_TEXT_CAP, type PhotoFingerprint } from '@/lib/history/schema';
import { openHistory, type HistoryStoreExt } from '@/lib/history/store';
import { AnalyzeResult, ReanalyzeResult } from '@/lib/messages';
import { analyze } from '@/lib/engine';
import type { Profile } from '@/lib/profile/schema';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { makeProfile, NOW } from './helpers';
import { concernOn, makeNotes, paste } from './notes-helpers';

const LATER = new Date(NOW.getTime() + 3600_000);
const HASH = '0f0f0f0f0f0f0f0f';
const photoOf = (url: string): PhotoFingerprint => ({ url, kind: 'photo', phash: HASH, phashMirror: 'f0f0f0f0f0f0f0f0', dhash: HASH, width: 200, height: 200, hashedAt: NOW.toISOString() });

let store: HistoryStoreExt;
let settings: Settings;
let deps: BackgroundDeps;
let clock: Date;
beforeEach(async () => {
  fakeBrowser.reset();
  store = await openHistory(new IDBFactory());
  settings = defaultSettings();
  clock = NOW;
  deps = { openStore: async () => store, photo: async (url) => photoOf(url), settings: async () => settings, now: () => clock };
});

const page = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/report.html?key=x'), tab: { url: browser.runtime.getURL('/report.html?key=x') } });
function person(id: string, name: string, extra: Partial<Profile> = {}): Profile {
  const url = `https://www.upwork.com/freelancers/${id}`;
  return makeProfile({ name, source: { platform: 'upwork', url, profileId: id, capturedAt: NOW.toISOString() }, ...extra });
}
async function check(p: Profile) {
  const r = AnalyzeResult.parse(await handleMessage({ type: 'vetter:analyze', profile: p }, { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') }, deps)!);
  if (!r.ok) throw new Error(r.error);
  return r.report;
}
async function reanalyze(key: string, sender = page()) {
  const res = handleReanalyzeMessage({ type: 'vetter:reanalyze', key }, sender, deps);
  expect(res).toBeInstanceOf(Promise);
  return ReanalyzeResult.parse(await res!);
}
const ids = (r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId).sort();
const WALLET = 'Please send the advance to USDT (TRC20) TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE, account holder: Wang Lei.';

describe('mergeEntry keeps the last full profile read', () => {
  it('stores the profile with rawText capped to 4,000 characters, and the entry stays valid', () => {
    const long = 'Page text. '.repeat(1_500);
    expect(long.length).toBeGreaterThan(STORED_RAW_TEXT_CAP);
    const p = person('~01long', 'Ana Costa', { rawText: long });
    const e = mergeEntry(null, p, analyze(p, { now: NOW }), null, [], NOW);
    expect(STORED_RAW_TEXT_CAP).toBe(4_000);
    expect(e.profile!.rawText).toBe(long.slice(0, 4_000));
    expect({ ...e.profile, rawText: '' }).toEqual({ ...p, rawText: '' });
    expect(HistoryEntry.parse(e).profile?.name).toBe('Ana Costa');
    // A short rawText is kept whole; a re-check replaces the stored profile with the newer read.
    const p2 = person('~01long', 'Ana Costa', { rawText: 'short', headline: 'Data engineer' });
    const e2 = mergeEntry(e, p2, analyze(p2, { now: LATER }), null, [], LATER);
    expect(e2.profile).toEqual(p2);
  });

  it('an entry without the field (older entries, imports) is still valid', () => {
    const p = person('~01old', 'Ana');
    const old: Partial<HistoryEntry> = mergeEntry(null, p, analyze(p, { now: NOW }), null, [], NOW);
    delete old.profile;
    expect(HistoryEntry.safeParse(old).success).toBe(true);
    expect(HistoryEntry.safeParse({ ...old, profile: null }).success).toBe(true);
    expect(HistoryEntry.safeParse({ ...old, profile: { ...p, rawText: 'x'.repeat(30_000) } }).success).toBe(false);
  });
});

describe("background 'vetter:reanalyze'", () => {
  it('applies the saved notes at once: the camera concern and the payment paste raise the level; the report is stored', async () => {
    const first = await check(person('~01a', 'Ana Costa'));
    expect(first.level).toBe('none');
    const notes = makeNotes({ checklist: { camera: concernOn('Camera "broken" on both calls') }, pasted: [paste('payment', WALLET)] });
    await store.setNotes('upwork:~01a', notes);
    clock = LATER;
    const r = await reanalyze('upwork:~01a');
    if (!r.ok) throw new Error(r.error);
    expect(ids(r.report)).toEqual(expect.arrayContaining(['camera', 'pay-crypto', 'pay-third-party']));
    expect(r.report.level).toBe('high');
    expect(r.report.createdAt).toBe(LATER.toISOString());
    const stored = (await store.get('upwork:~01a'))!;
    expect(stored.report).toEqual(r.report);
    // Only the report changed: notes, checks and dates as they were.
    expect(stored.notes).toEqual(notes);
    expect(stored.checks).toBe(1);
    expect(stored.lastSeen).toBe(NOW.toISOString());
    // Clearing the concern takes the finding away again.
    await store.setNotes('upwork:~01a', makeNotes({ checklist: { camera: { answer: 'no-concern', note: '' } } }));
    const r2 = await reanalyze('upwork:~01a');
    expect(r2).toMatchObject({ ok: true, report: { level: 'none', findings: [] } });
  });

  it('recomputes the cross-profile matches from the store (photo reuse, changes) and applies the settings', async () => {
    await check(person('~01first', 'Daniel K.', { photo: { url: 'https://www.upwork.com/profile-portraits/a.jpg', alt: null } }));
    await check(person('~01second', 'James Walker', { photo: { url: 'https://www.upwork.com/profile-portraits/b.jpg', alt: null } }));
    await check(person('~01second', 'Jim Walker-Smith', { photo: { url: 'https://www.upwork.com/profile-portraits/b.jpg', alt: null } }));
    const checked = (await store.get('upwork:~01second'))!.report;
    expect(ids(checked)).toEqual(expect.arrayContaining(['photo-reused', 'profile-changed']));
    await store.setNotes('upwork:~01second', makeNotes({ checklist: { camera: concernOn() } }));
    const r = await reanalyze('upwork:~01second');
    if (!r.ok) throw new Error(r.error);
    // Everything the check found is still there (the matches were recomputed, not lost), plus the notes' finding.
    expect(ids(r.report)).toEqual([...ids(checked), 'camera'].sort());
    const reused = r.report.findings.find((f) => f.ruleId === 'photo-reused')!;
    expect(reused.explanation).toEqual(checked.findings.find((f) => f.ruleId === 'photo-reused')!.explanation);

    settings = { ...defaultSettings(), rules: { camera: { enabled: true, severity: 'low' }, 'photo-reused': { enabled: false, severity: null } } };
    const r2 = await reanalyze('upwork:~01second');
    if (!r2.ok) throw new Error(r2.error);
    expect(ids(r2.report)).not.toContain('photo-reused');
    expect(r2.report.findings.find((f) => f.ruleId === 'camera')!.severity).toBe('low');
  });

  it('keeps notes saved while it ran (only the report is written)', async () => {
    await check(person('~01a', 'Ana'));
    await store.setNotes('upwork:~01a', makeNotes({ checklist: { camera: concernOn() } }));
    const newer = makeNotes({ comment: 'written during the re-analysis', checklist: { camera: concernOn() } });
    const digests = store.digests.bind(store);
    vi.spyOn(store, 'digests').mockImplementation(async () => {
      await store.setNotes('upwork:~01a', newer);
      return digests();
    });
    const r = await reanalyze('upwork:~01a');
    expect(r.ok).toBe(true);
    const stored = (await store.get('upwork:~01a'))!;
    expect(stored.notes).toEqual(newer);
    expect(ids(stored.report)).toContain('camera');
  });

  it('an entry without a stored profile says the notes apply at the next check; an unknown key is a clear error', async () => {
    await check(person('~01old', 'Ana'));
    const old = (await store.get('upwork:~01old'))!;
    delete old.profile;
    await store.put(old);
    await store.setNotes('upwork:~01old', makeNotes({ checklist: { camera: concernOn() } }));
    const r = await reanalyze('upwork:~01old');
    expect(r).toMatchObject({ ok: false, noProfile: true, error: expect.stringContaining('next check') });
    expect(ids((await store.get('upwork:~01old'))!.report)).toEqual([]);
    // The next check applies them (and stores the profile from then on).
    const next = await check(person('~01old', 'Ana'));
    expect(ids(next)).toContain('camera');
    expect((await store.get('upwork:~01old'))!.profile?.name).toBe('Ana');

    expect(await reanalyze('upwork:~01nobody')).toMatchObject({ ok: false, error: expect.stringContaining('upwork:~01nobody') });
    deps.openStore = async () => {
      throw new Error('IndexedDB is broken');
    };
    expect(await reanalyze('upwork:~01old')).toEqual({ ok: false, error: 'IndexedDB is broken' });
  });

  it('answers only extension pages: not content scripts in web pages, other extensions or invalid messages', async () => {
    await check(person('~01a', 'Ana'));
    const msg = { type: 'vetter:reanalyze', key: 'upwork:~01a' };
    const web = 'https://www.upwork.com/freelancers/~01a';
    expect(fromExtensionPage(page())).toBe(true);
    expect(fromExtensionPage({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') })).toBe(true);
    // A content script: same extension id, but the sender is a web page.
    expect(handleReanalyzeMessage(msg, { id: browser.runtime.id, url: web, tab: { url: web } }, deps)).toBeUndefined();
    expect(handleReanalyzeMessage(msg, { id: browser.runtime.id, url: browser.runtime.getURL('/report.html'), tab: { url: web } }, deps)).toBeUndefined();
    expect(handleReanalyzeMessage(msg, { id: browser.runtime.id }, deps)).toBeUndefined();
    expect(handleReanalyzeMessage(msg, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' }, deps)).toBeUndefined();
    expect(handleReanalyzeMessage(msg, { id: browser.runtime.id, url: `chrome-extension://another-extension/x.html` }, deps)).toBeUndefined();
    expect(handleReanalyzeMessage({ type: 'vetter:reanalyze', key: '' }, page(), deps)).toBeUndefined();
    expect(handleReanalyzeMessage({ type: 'vetter:reanalyze' }, page(), deps)).toBeUndefined();
    expect(handleReanalyzeMessage({ type: 'vetter:analyze', profile: makeProfile() }, page(), deps)).toBeUndefined();
    // The other handlers leave it alone.
    expect(handleMessage(msg, { id: browser.runtime.id }, deps)).toBeUndefined();
  });
});

describe('import merge and the stored profile', () => {
  it('the profile goes with the newer report; an entry without one keeps nothing stale', async () => {
    const { mergeEntries } = await import('@/lib/export/import');
    const p1 = person('~01m', 'Ana', { headline: 'First read' });
    const p2 = person('~01m', 'Ana', { headline: 'Second read' });
    const older = mergeEntry(null, p1, analyze(p1, { now: NOW }), null, [], NOW);
    const newer = mergeEntry(null, p2, analyze(p2, { now: LATER }), null, [], LATER);
    expect(mergeEntries(older, newer).entry.profile?.headline).toBe('Second read');
    expect(mergeEntries(newer, older).entry.profile?.headline).toBe('Second read');
    const bare: Partial<HistoryEntry> = { ...newer };
    delete bare.profile;
    expect('profile' in mergeEntries(older, bare as HistoryEntry).entry).toBe(false);
    expect(mergeEntries(bare as HistoryEntry, older).entry.profile).toBeUndefined();
  });
});
