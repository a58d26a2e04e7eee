/**
 * Face descriptors in the history (issues 6 + 9): the check pipeline stores the face of each checked photo, matches
 * it against the other identities' stored faces (photo-same-person), wipes it with the history and keeps it out of
 * exports unless the user opts in. The face model is replaced by a fake returning descriptors at chosen distances.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type BackgroundDeps } from '@/entrypoints/background';
import { buildBundle, exportJsonSchema } from '@/lib/export/bundle';
import { mergeEntries } from '@/lib/export/import';
import { descriptorDistance } from '@/lib/face/match';
import type { FaceAnalysis } from '@/lib/face/schema';
import { digestOf } from '@/lib/history/match';
import type { PhotoFingerprint } from '@/lib/history/schema';
import { openHistory, type HistoryStoreExt } from '@/lib/history/store';
import { AnalyzeResult } from '@/lib/messages';
import { fingerprintPhoto, unreadablePhoto } from '@/lib/photos/fetch';
import type { Profile } from '@/lib/profile/schema';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { makeProfile, NOW } from './helpers';
import { jpegRoundTrip, loadImage } from './image-helpers';

/** A deterministic pseudo-random unit vector (what face-api descriptors roughly are: 128 numbers, norm near 1). */
function unitVector(seed: number): number[] {
  let s = seed >>> 0 || 1;
  const v = Array.from({ length: 128 }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  });
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}
/** `base` moved by exactly `distance` (Euclidean) in a pseudo-random direction. */
const moved = (base: number[], distance: number, seed: number) => {
  const dir = unitVector(seed);
  return base.map((x, i) => x + dir[i]! * distance);
};

function analysis(descriptor: number[] | null): FaceAnalysis {
  return {
    faces: descriptor ? [{ score: 0.9, box: { x: 0.3, y: 0.25, width: 0.4, height: 0.45 } }] : [],
    landmarks68: null,
    eyes: null,
    descriptor,
    facePhash: descriptor ? '0123456789abcdef' : null,
    image: { width: 400, height: 400 },
    framing: null,
    modelMs: 1,
  };
}

const BASE = unitVector(42);
let faces: Record<string, FaceAnalysis | null>;
let store: HistoryStoreExt;
let settings: Settings;
let deps: BackgroundDeps;
let photo: (url: string) => Promise<PhotoFingerprint>;
beforeEach(async () => {
  fakeBrowser.reset();
  store = await openHistory(new IDBFactory());
  settings = defaultSettings();
  faces = {};
  // Default: photos that cannot be hashed, so only the face descriptors can match (no photo-reused).
  photo = async (url) => unreadablePhoto(url, NOW);
  deps = {
    openStore: async () => store,
    photo: (url) => photo(url),
    face: vi.fn(async (p: Profile) => (p.photo ? (faces[p.photo.url] ?? null) : null)),
    settings: async () => settings,
    now: () => NOW,
  };
});

function person(platform: 'upwork' | 'fiverr', id: string, name: string, photoUrl: string | null): Profile {
  const url = platform === 'upwork' ? `https://www.upwork.com/freelancers/${id}` : `https://www.fiverr.com/${id}`;
  return makeProfile({ name, photo: photoUrl ? { url: photoUrl, alt: name } : null, source: { platform, url, profileId: id, capturedAt: NOW.toISOString() } });
}
async function check(p: Profile) {
  const r = AnalyzeResult.parse(await handleMessage({ type: 'vetter:analyze', profile: p }, { id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') }, deps)!);
  if (!r.ok) throw new Error(r.error);
  return r.report;
}
const ruleIds = (r: { findings: { ruleId: string }[] }) => r.findings.map((f) => f.ruleId);

const FIRST = 'https://www.upwork.com/profile-portraits/first.jpg';
const SECOND = 'https://fiverr-res.cloudinary.com/photo/second.jpg';

describe('face descriptors in the check pipeline', () => {
  it('stores the face of the checked photo in the entry and its descriptor in the digest', async () => {
    faces[FIRST] = analysis(BASE);
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    const e = (await store.get('upwork:~01first'))!;
    expect(e.face).toEqual({ photoUrl: FIRST, descriptor: BASE, facePhash: '0123456789abcdef', analysedAt: NOW.toISOString() });
    const d = (await store.digests()).find((x) => x.identity.key === 'upwork:~01first');
    expect(d?.face).toEqual(BASE);
  });

  it('a second profile under another name with a face at distance 0.3 gets photo-same-person naming the first', async () => {
    faces[FIRST] = analysis(BASE);
    const second = moved(BASE, 0.3, 7);
    expect(descriptorDistance(BASE, second)).toBeCloseTo(0.3, 6);
    faces[SECOND] = analysis(second);
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    const r = await check(person('fiverr', 'james_w', 'James Walker', SECOND));
    expect(ruleIds(r)).toContain('photo-same-person');
    expect(ruleIds(r)).not.toContain('photo-reused');
    const f = r.findings.find((x) => x.ruleId === 'photo-same-person')!;
    expect(f.explanation).toContain('Daniel Kim (upwork, https://www.upwork.com/freelancers/~01first)');
    expect(f.explanation).toContain('face distance 0.30');
  });

  it('at distance 0.7 (different people) nothing fires', async () => {
    faces[FIRST] = analysis(BASE);
    faces[SECOND] = analysis(moved(BASE, 0.7, 7));
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    const r = await check(person('fiverr', 'james_w', 'James Walker', SECOND));
    expect(ruleIds(r)).not.toContain('photo-same-person');
  });

  it('the same identity re-checked never matches itself; the same name on another site is not "another name"', async () => {
    faces[FIRST] = analysis(BASE);
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    const again = await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    expect(ruleIds(again)).not.toContain('photo-same-person');
    faces[SECOND] = analysis(moved(BASE, 0.1, 3));
    const sameName = await check(person('fiverr', 'daniel_kim', 'Daniel Kim', SECOND));
    expect(ruleIds(sameName)).not.toContain('photo-same-person');
  });

  it('the same photo file under another name is photo reuse, not also a face match (counted once)', async () => {
    const IMAGES: Record<string, string> = { [FIRST]: 'astronaut', [SECOND]: 'astronaut' };
    photo = (url) =>
      fingerprintPhoto(url, {
        now: () => NOW,
        fetch: (async () => new Response(new Blob([new Uint8Array([1, 2, 3])]))) as unknown as typeof fetch,
        decode: async () => jpegRoundTrip(loadImage(IMAGES[url]!), 60),
      });
    faces[FIRST] = analysis(BASE);
    faces[SECOND] = analysis(moved(BASE, 0.05, 9));
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    const r = await check(person('fiverr', 'james_w', 'James Walker', SECOND));
    expect(ruleIds(r)).toContain('photo-reused');
    expect(ruleIds(r)).not.toContain('photo-same-person');
  });

  it('keeps the stored face while the photo is unchanged and no new analysis came; drops it when the photo changed', async () => {
    faces[FIRST] = analysis(BASE);
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    delete faces[FIRST]; // the model is unavailable on the next check
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    expect((await store.get('upwork:~01first'))!.face?.descriptor).toEqual(BASE);
    // Photo analysis switched off: the face model is not asked, the stored face of the same photo stays.
    settings = { ...settings, photoAnalysis: false };
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    expect((await store.get('upwork:~01first'))!.face?.descriptor).toEqual(BASE);
    settings = defaultSettings();
    await check(person('upwork', '~01first', 'Daniel Kim', 'https://www.upwork.com/profile-portraits/new.jpg'));
    const e = (await store.get('upwork:~01first'))!;
    expect(e.face).toBeUndefined();
    expect((await store.digests()).find((x) => x.identity.key === 'upwork:~01first')?.face).toBeUndefined();
  });

  it('an analysis that finds no face stores none', async () => {
    faces[FIRST] = analysis(null);
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    expect((await store.get('upwork:~01first'))!.face).toBeUndefined();
  });

  it('digests read back from IndexedDB (another instance) keep the descriptor, and matching still works', async () => {
    const factory = new IDBFactory();
    store = await openHistory(factory);
    faces[FIRST] = analysis(BASE);
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    store = await openHistory(factory); // a fresh instance: no digests in memory
    expect((await store.digests())[0]?.face).toEqual(BASE);
    faces[SECOND] = analysis(moved(BASE, 0.45, 5));
    const r = await check(person('fiverr', 'james_w', 'James Walker', SECOND));
    expect(ruleIds(r)).toContain('photo-same-person');
  });
});

describe('face descriptors are private', () => {
  it('"clear all data" wipes the descriptors: entries, digests, and later matches', async () => {
    faces[FIRST] = analysis(BASE);
    faces[SECOND] = analysis(moved(BASE, 0.3, 7));
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    await store.clear();
    expect(await store.list()).toEqual([]);
    expect(await store.digests()).toEqual([]);
    const r = await check(person('fiverr', 'james_w', 'James Walker', SECOND));
    expect(ruleIds(r)).not.toContain('photo-same-person');
    // Only the second profile's own face is stored now.
    expect((await store.digests()).map((d) => d.identity.key)).toEqual(['fiverr:james_w']);
  });

  it('deleting one profile deletes its descriptor', async () => {
    faces[FIRST] = analysis(BASE);
    faces[SECOND] = analysis(moved(BASE, 0.3, 7));
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    await store.delete('upwork:~01first');
    const r = await check(person('fiverr', 'james_w', 'James Walker', SECOND));
    expect(ruleIds(r)).not.toContain('photo-same-person');
  });

  it('the export leaves `face` out unless photo data is opted in, and the schema documents it', async () => {
    faces[FIRST] = analysis(BASE);
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    const entries = await store.list();
    expect(entries[0]!.face).toBeTruthy();
    const plain = buildBundle(entries, { now: NOW });
    expect(plain.includesPhotoData).toBe(false);
    expect(plain.entries[0]).not.toHaveProperty('face');
    const text = JSON.stringify(plain);
    expect(text).not.toContain('"descriptor"');
    expect(text).not.toContain('0123456789abcdef');
    expect(entries[0]!.face).toBeTruthy(); // the stored entry is untouched
    const opted = buildBundle(entries, { now: NOW, includePhotoData: true });
    expect(opted.includesPhotoData).toBe(true);
    expect(opted.entries[0]!.face).toEqual(entries[0]!.face);
    const entrySchema = JSON.stringify(exportJsonSchema());
    expect(entrySchema).toContain('"descriptor"');
  });

  it('importing an export without faces keeps the stored face of the same photo; an opted-in export brings its face', async () => {
    faces[FIRST] = analysis(BASE);
    await check(person('upwork', '~01first', 'Daniel Kim', FIRST));
    const local = (await store.list())[0]!;
    const later = { ...local, report: { ...local.report, createdAt: '2030-01-01T00:00:00.000Z' } };
    const stripped = buildBundle([later], { now: NOW }).entries[0]!;
    expect(mergeEntries(local, stripped).entry.face).toEqual(local.face);
    const withoutFace = { ...local };
    delete withoutFace.face;
    const opted = buildBundle([local], { now: NOW, includePhotoData: true }).entries[0]!;
    expect(mergeEntries(withoutFace, opted).entry.face).toEqual(local.face);
    // A newer check of another photo does not inherit the old photo's face.
    const otherPhoto = { ...stripped, snapshot: { ...stripped.snapshot, photoUrl: 'https://www.upwork.com/profile-portraits/new.jpg' } };
    expect(mergeEntries(local, otherPhoto).entry.face).toBeUndefined();
  });

  it('digestOf carries only the descriptor, not the face pHash or date', () => {
    const e = { face: { photoUrl: FIRST, descriptor: BASE, facePhash: 'ffffffffffffffff', analysedAt: NOW.toISOString() } };
    const d = digestOf({ ...(e as object), identity: {}, lastSeen: '', photos: [], photo: null, text: [], contacts: [] } as never);
    expect(d.face).toEqual(BASE);
    expect(JSON.stringify(d)).not.toContain('ffffffffffffffff');
  });
});
