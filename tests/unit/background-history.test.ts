import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleHistoryMessage, handleMessage, type BackgroundDeps } from '@/entrypoints/background';
import type { PhotoFingerprint } from '@/lib/history/schema';
import { openHistory, type HistoryStoreExt } from '@/lib/history/store';
import { AnalyzeResult, HistoryUpdateResult } from '@/lib/messages';
import { fingerprintPhoto } from '@/lib/photos/fetch';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import type { Profile } from '@/lib/profile/schema';
import { loadImage, jpegRoundTrip } from './image-helpers';
import { makeProfile, NOW } from './helpers';

const IMAGES: Record<string, string> = {
  'https://www.upwork.com/profile-portraits/first.jpg': 'astronaut',
  'https://fiverr-res.cloudinary.com/photo/second.jpg': 'astronaut',
  'https://fiverr-res.cloudinary.com/photo/cat.jpg': 'chelsea',
};

/** The real photo step with the network and the browser's decoder replaced by the image files. */
const photo = (url: string): Promise<PhotoFingerprint> =>
  fingerprintPhoto(url, {
    now: () => NOW,
    fetch: (async (u: string) => (IMAGES[u] ? new Response(new Blob([new Uint8Array([1, 2, 3])])) : new Response('nope', { status: 404 }))) as unknown as typeof fetch,
    decode: async () => jpegRoundTrip(loadImage(IMAGES[url]!), 60),
  });

let store: HistoryStoreExt;
let settings: Settings;
let deps: BackgroundDeps;
beforeEach(async () => {
  fakeBrowser.reset();
  store = await openHistory(new IDBFactory());
  settings = defaultSettings();
  deps = { openStore: async () => store, photo: vi.fn(photo), settings: async () => settings, now: () => NOW };
});

const me = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
function person(platform: 'upwork' | 'fiverr', id: string, name: string, photoUrl: string | null, extra: Partial<Profile> = {}): Profile {
  const url = platform === 'upwork' ? `https://www.upwork.com/freelancers/${id}` : `https://www.fiverr.com/${id}`;
  return makeProfile({ name, photo: photoUrl ? { url: photoUrl, alt: name } : null, source: { platform, url, profileId: id, capturedAt: NOW.toISOString() }, ...extra });
}
async function check(p: Profile) {
  const r = AnalyzeResult.parse(await handleMessage({ type: 'vetter:analyze', profile: p }, me(), deps)!);
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

describe('background check pipeline with history', () => {
  it('stores each check and flags the same photo under another name on another site, naming the first', async () => {
    const first = await check(person('upwork', '~01first', 'Daniel K.', 'https://www.upwork.com/profile-portraits/first.jpg'));
    expect(first.findings.map((f) => f.ruleId)).toEqual([]);
    const stored = await store.get('upwork:~01first');
    expect(stored?.photo?.kind).toBe('photo');
    expect(stored?.photo?.phash).toMatch(/^[0-9a-f]{16}$/);
    const second = await check(person('fiverr', 'james_w', 'James Walker', 'https://fiverr-res.cloudinary.com/photo/second.jpg'));
    const f = second.findings.find((x) => x.ruleId === 'photo-reused');
    expect(f?.explanation).toContain('"Daniel K." on Upwork (https://www.upwork.com/freelancers/~01first)');
    expect(second.level).toBe('high');
    expect((await store.list()).length).toBe(2);
  });

  it('re-checking counts checks and reports a changed name', async () => {
    await check(person('upwork', '~01a', 'Ana Costa', null));
    const again = await check(person('upwork', '~01a', 'Maria Silva', null));
    expect(again.findings.map((x) => x.ruleId)).toEqual(['photo-missing', 'profile-changed']);
    expect((await store.get('upwork:~01a'))!.checks).toBe(2);
  });

  it('a photo that cannot be fetched is "unreadable" and the check goes on', async () => {
    const r = await check(person('upwork', '~01x', 'X Y', 'https://www.upwork.com/profile-portraits/missing.jpg'));
    expect(r.level).toBe('none');
    expect((await store.get('upwork:~01x'))!.photo?.kind).toBe('unreadable');
  });

  it('without photo analysis the photo is not fetched; disabled rules and severity overrides apply', async () => {
    settings = { ...defaultSettings(), photoAnalysis: false, rules: { 'photo-missing': { enabled: true, severity: 'medium' }, 'profile-changed': { enabled: false, severity: null } } };
    await check(person('upwork', '~01a', 'Ana Costa', null));
    const r = await check(person('upwork', '~01a', 'Maria Silva', 'https://www.upwork.com/profile-portraits/first.jpg'));
    expect(deps.photo).not.toHaveBeenCalled();
    expect(r.findings.map((x) => x.ruleId)).toEqual([]);
    const r2 = await check(person('upwork', '~01b', 'B', null));
    expect(r2.findings[0]).toMatchObject({ ruleId: 'photo-missing', severity: 'medium' });
  });

  it('when the history cannot be opened the check still answers, without cross-profile findings', async () => {
    deps.openStore = async () => {
      throw new Error('IndexedDB is broken');
    };
    const r = await check(person('upwork', '~01a', 'Ana', 'https://www.upwork.com/profile-portraits/first.jpg'));
    expect(r.level).toBe('none');
  });

  it('uses the manager notes stored with the entry', async () => {
    await check(person('upwork', '~01a', 'Ana', null));
    const notes = { checklist: {}, shippingAddress: null, previousAddresses: [], pasted: [], comment: 'x', updatedAt: NOW.toISOString() };
    await store.setNotes('upwork:~01a', notes);
    const spy = vi.spyOn(store, 'get');
    await check(person('upwork', '~01a', 'Ana', null));
    expect(spy).toHaveBeenCalledWith('upwork:~01a');
    expect((await store.get('upwork:~01a'))!.notes).toEqual(notes);
  });
});

describe('background history messages', () => {
  const d = { ruleId: 'photo-missing', title: 'No profile photo', note: 'Met on video, camera on.', at: NOW.toISOString() };
  it('dismiss, undismiss and verify update the stored entry', async () => {
    await check(person('upwork', '~01a', 'Ana', null));
    const r1 = HistoryUpdateResult.parse(await handleHistoryMessage({ type: 'vetter:dismiss', key: 'upwork:~01a', dismissal: d }, me(), deps)!);
    expect(r1).toEqual({ ok: true, dismissals: [d], verified: null });
    // Dismissing again replaces, never duplicates.
    await handleHistoryMessage({ type: 'vetter:dismiss', key: 'upwork:~01a', dismissal: { ...d, note: 'again' } }, me(), deps);
    expect((await store.get('upwork:~01a'))!.dismissals.map((x) => x.note)).toEqual(['again']);
    const r2 = await handleHistoryMessage({ type: 'vetter:undismiss', key: 'upwork:~01a', ruleId: d.ruleId, title: d.title }, me(), deps);
    expect(r2).toMatchObject({ ok: true, dismissals: [] });
    const r3 = await handleHistoryMessage({ type: 'vetter:verify', key: 'upwork:~01a', verified: { note: 'ID checked', at: NOW.toISOString() } }, me(), deps);
    expect(r3).toMatchObject({ ok: true, verified: { note: 'ID checked' } });
    expect((await store.get('upwork:~01a'))!.verified?.note).toBe('ID checked');
    expect(await handleHistoryMessage({ type: 'vetter:verify', key: 'upwork:~01a', verified: null }, me(), deps)).toMatchObject({ ok: true, verified: null });
  });

  it('an unknown key is a clear error; invalid messages and other senders are ignored', async () => {
    expect(await handleHistoryMessage({ type: 'vetter:verify', key: 'upwork:nobody', verified: null }, me(), deps)).toMatchObject({ ok: false, error: expect.stringContaining('upwork:nobody') });
    expect(handleHistoryMessage({ type: 'vetter:dismiss', key: 'k', dismissal: { ...d, ruleId: '' } }, me(), deps)).toBeUndefined();
    expect(handleHistoryMessage({ type: 'vetter:verify', key: '', verified: null }, me(), deps)).toBeUndefined();
    expect(handleHistoryMessage({ type: 'vetter:verify', key: 'k', verified: null }, { id: 'other' }, deps)).toBeUndefined();
    expect(handleHistoryMessage({ type: 'vetter:analyze', profile: makeProfile() }, me(), deps)).toBeUndefined();
    expect(handleMessage({ type: 'vetter:verify', key: 'k', verified: null }, me(), deps)).toBeUndefined();
  });
});
