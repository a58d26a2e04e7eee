/**
 * Storage faults in the history (issue 8): old and damaged records, digests out of sync, a database this version
 * cannot open, and a full quota. fake-indexeddb stands in for the browser's IndexedDB; a full quota is injected by
 * making `IDBObjectStore.put` on `entries` throw QuotaExceededError past a capacity, as a browser does.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runCheck, type BackgroundDeps } from '@/entrypoints/background';
import { analyze } from '@/lib/engine';
import { mergeEntry, textFingerprints } from '@/lib/history/record';
import type { HistoryEntry } from '@/lib/history/schema';
import { DB_NAME, DB_VERSION, HistoryUnavailableError, migrateEntry, openHistory, readEntry, type HistoryStoreExt } from '@/lib/history/store';
import { saveWithRoom } from '@/lib/history/store-quota';
import { lastHistoryStatus } from '@/lib/history/store-status';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { makeProfile, NOW } from './helpers';
import { rawWrite } from './idb-helpers';

function entryFor(id: string, name: string, seen = NOW): HistoryEntry {
  const p = makeProfile({ name, source: { platform: 'upwork', url: `https://www.upwork.com/freelancers/${id}`, profileId: id, capturedAt: seen.toISOString() } });
  return mergeEntry(null, p, analyze(p, { now: seen }), null, textFingerprints(p), seen);
}
const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

/** A browser quota of `capacity.n` history entries: a put past it (a new key, or any put once over it) throws QuotaExceededError. */
function injectQuota(capacity: { n: number }, keys: Set<string>): () => void {
  const proto = IDBObjectStore.prototype as unknown as { put: (...a: unknown[]) => unknown; delete: (...a: unknown[]) => unknown; name: string };
  const { put, delete: del } = proto;
  proto.put = function (this: { name: string }, ...a: unknown[]) {
    if (this.name === 'entries') {
      const k = (a[0] as { identity?: { key?: string } }).identity?.key ?? '';
      if (keys.size + (keys.has(k) ? 0 : 1) > capacity.n) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      keys.add(k);
    }
    return put.apply(this, a);
  };
  proto.delete = function (this: { name: string }, ...a: unknown[]) {
    if (this.name === 'entries') keys.delete(String(a[0]));
    return del.apply(this, a);
  };
  return () => {
    proto.put = put;
    proto.delete = del;
  };
}

let factory: IDBFactory;
let store: HistoryStoreExt;
beforeEach(async () => {
  fakeBrowser.reset();
  factory = new IDBFactory();
  store = await openHistory(factory);
});

describe('old and damaged history records', () => {
  it('an entry in the first stored shape (no profile, no face: before those fields existed) reads as it is', async () => {
    const e = entryFor('~01old', 'Olga');
    const firstShape: Partial<HistoryEntry> = { ...e };
    delete firstShape.profile;
    delete firstShape.face;
    store.close();
    await rawWrite(factory, ['entries'], (tx) => tx.objectStore('entries').put(firstShape));
    const s = await openHistory(factory);
    expect(await s.get(e.identity.key)).toEqual(firstShape);
    expect(await s.setAside()).toEqual([]);
  });

  it('a version-1 entry stored before addresses had to be http(s) is migrated; its original is kept aside (kind migrated)', async () => {
    const e = entryFor('~01legacy', 'Lee');
    const old = structuredClone(e) as HistoryEntry & { snapshot: { links: unknown[] } };
    old.snapshot.links = [{ url: 'https://github.com/lee', kind: 'github' }, { url: '//lee.dev', kind: 'portfolio' }, { url: 'mailto:lee@example.com', kind: 'other' }];
    old.profile = { ...old.profile!, links: [{ url: 'javascript:alert(1)', kind: 'other' }] as never, photo: { url: '/img/lee.jpg', alt: null } };
    store.close();
    await rawWrite(factory, ['entries'], (tx) => tx.objectStore('entries').put(old));
    const s = await openHistory(factory);
    const [got] = await s.list();
    expect(got!.identity.key).toBe(e.identity.key);
    expect(got!.snapshot.links).toEqual([{ url: 'https://github.com/lee', kind: 'github' }]);
    expect(got!.profile!.links).toEqual([]);
    expect(got!.profile!.photo).toBeNull();
    const aside = await s.setAside();
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({ key: e.identity.key, kind: 'migrated', raw: old });
    expect(aside[0]!.reason).toMatch(/2 addresses in snapshot\.links that are not http\(s\) left out.*profile\.photo/);
    // Written back: the next read neither migrates nor sets aside again.
    expect(await s.get(e.identity.key)).toEqual(got);
    expect(await s.setAside()).toHaveLength(1);
  });

  it('the migration chain steps an older version up one version at a time; newer and unknown versions are refused', () => {
    const steps = { 1: (o: Record<string, unknown>) => ({ ...o, version: 2, a: 1 }), 2: (o: Record<string, unknown>) => ({ ...o, version: 3, b: (o.a as number) + 1 }) };
    expect(migrateEntry({ version: 1 }, steps, 3)).toEqual({ version: 3, a: 1, b: 2 });
    expect(() => migrateEntry({ version: 4 }, steps, 3)).toThrow(/version 4 was written by a newer Vetter/);
    expect(() => migrateEntry({ version: 0 }, steps, 3)).toThrow(/version 0 is not one this Vetter knows/);
    expect(() => migrateEntry({}, steps, 3)).toThrow(/version undefined/);
  });

  it.each([
    ['a string', 'lost', /not an object \(it is string\)/],
    ['null', null, /it is null/],
    ['a list', [1], /it is a list/],
    ['a number', 7, /it is number/],
  ])('a record that is not an object (%s) gives a reason, not a crash', (_n, value, why) => {
    const r = readEntry(value);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(why);
  });

  it('a newer-version entry and a damaged one are set aside with their reason; the good one stays', async () => {
    const good = entryFor('~01good', 'Gus');
    await store.put(good);
    store.close();
    await rawWrite(factory, ['entries'], (tx) => {
      tx.objectStore('entries').put({ ...good, version: 3, identity: { ...good.identity, key: 'upwork:~01next' } });
      tx.objectStore('entries').put({ identity: { key: 'upwork:~01half' }, report: 'oops' });
    });
    const s = await openHistory(factory);
    expect((await s.list()).map((e) => e.identity.key)).toEqual([good.identity.key]);
    const aside = await s.setAside();
    expect(aside.map((a) => [a.key, a.kind])).toEqual(expect.arrayContaining([['upwork:~01next', 'invalid'], ['upwork:~01half', 'invalid']]));
    expect(aside.find((a) => a.key === 'upwork:~01next')!.reason).toMatch(/newer Vetter/);
  });

  it('a set-aside record that is itself not in the expected form is still listed, as found', async () => {
    store.close();
    await rawWrite(factory, ['setAside'], (tx) => {
      tx.objectStore('setAside').add('not an object');
      tx.objectStore('setAside').add({ key: 'k', reason: 'r', raw: 1, at: NOW.toISOString() });
    });
    const s = await openHistory(factory);
    expect(await s.setAside()).toEqual([
      { key: '(unknown)', reason: 'a set-aside record in an unexpected form', raw: 'not an object', at: '', kind: 'invalid' },
      { key: 'k', reason: 'r', raw: 1, at: NOW.toISOString() },
    ]);
  });
});

describe('digests out of sync with their entries', () => {
  it('a missing digest is created, an orphan one dropped, a stale one refreshed when its entry is read', async () => {
    const a = entryFor('~01a', 'Ana', day(10));
    const b = entryFor('~01b', 'Ben', day(5));
    await store.put(a);
    store.close();
    const aNewer = { ...a, lastSeen: day(1).toISOString(), identity: { ...a.identity, name: 'Ana Renamed' } };
    await rawWrite(factory, ['entries', 'digests'], (tx) => {
      // The entry moved on without its digest (an interrupted older write), another entry has none, a digest has no entry.
      tx.objectStore('entries').put(aNewer);
      tx.objectStore('entries').put(b);
      tx.objectStore('digests').put({ identity: { ...b.identity, key: 'upwork:~01gone' }, lastSeen: b.lastSeen, photos: [], text: [], contacts: [] });
    });
    const s = await openHistory(factory);
    const rows = async () => (await s.digests()).map((x) => [x.identity.key, x.identity.name, x.lastSeen]).sort();
    // Ben's digest is created and the orphan dropped at the first read; Ana's stale digest is still the old one …
    expect(await rows()).toEqual(
      [
        [a.identity.key, 'Ana', a.lastSeen],
        [b.identity.key, 'Ben', b.lastSeen],
      ].sort(),
    );
    // … until her entry is read (as every check of her profile does): then it is refreshed.
    expect((await s.get(a.identity.key))!.identity.name).toBe('Ana Renamed');
    expect(await rows()).toEqual(
      [
        [a.identity.key, 'Ana Renamed', aNewer.lastSeen],
        [b.identity.key, 'Ben', b.lastSeen],
      ].sort(),
    );
    s.close();
    // Repaired in the database, not only in memory.
    const again = await openHistory(factory);
    expect((await again.digests()).map((x) => x.identity.name).sort()).toEqual(['Ana Renamed', 'Ben']);
    again.close();
  });
});

describe('a database this Vetter cannot open', () => {
  it('a newer database version gives a clear HistoryUnavailableError and the database is left as it is', async () => {
    store.close();
    const f = new IDBFactory();
    await new Promise<void>((resolve, reject) => {
      const req = f.open(DB_NAME, DB_VERSION + 4);
      req.onupgradeneeded = () => req.result.createObjectStore('entries-v5').put({ kept: true }, 'x');
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    const err = await openHistory(f).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HistoryUnavailableError);
    expect((err as Error).message).toMatch(/written by a newer version of Vetter.*nothing was deleted.*Checks still run/);
    await new Promise<void>((resolve) => {
      const req = f.open(DB_NAME);
      req.onsuccess = () => {
        const db = req.result;
        expect(db.version).toBe(DB_VERSION + 4);
        const get = db.transaction('entries-v5').objectStore('entries-v5').get('x');
        get.onsuccess = () => (expect(get.result).toEqual({ kept: true }), db.close(), resolve());
      };
    });
  });

  it('the check still runs without history, and says so', async () => {
    const deps: BackgroundDeps = {
      openStore: () => openHistory({ open: () => { throw new DOMException('The requested version (1) is less than the existing version (9).', 'VersionError'); } } as unknown as IDBFactory),
      photo: () => Promise.reject(new Error('no photo')),
      settings: async () => defaultSettings(),
      now: () => NOW,
    };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const res = await runCheck(makeProfile({ photo: null }), deps);
    expect(res.ok && res.report.findings.some((f) => f.ruleId === 'photo-missing')).toBe(true);
    expect(res.ok && res.history).toMatchObject({ state: 'unavailable', message: expect.stringMatching(/History unavailable: .*newer version of Vetter/) });
    expect(await lastHistoryStatus()).toMatchObject({ state: 'unavailable' });
  });
});

describe('a full quota', () => {
  let keys: Set<string>;
  let restore: () => void;
  const capacity = { n: Infinity };
  beforeEach(async () => {
    keys = new Set();
    capacity.n = Infinity;
    restore = injectQuota(capacity, keys);
    for (const [id, name, age] of [['~01o1', 'Old One', 400], ['~01o2', 'Old Two', 200], ['~01r1', 'Recent', 3]] as const) await store.put(entryFor(id, name, day(age)));
    capacity.n = 3;
    return () => restore();
  });
  const settings = (s: Partial<Settings>) => ({ ...defaultSettings(), ...s });
  const names = async () => (await store.list()).map((e) => e.identity.name).sort();

  it('with history kept forever nothing is removed: the check is reported as not saved and every stored entry stays', async () => {
    const before = await store.list();
    const out = await saveWithRoom(store, entryFor('~01new', 'New'), settings({ historyDays: 0, pruneWhenFull: true }), NOW);
    expect(out).toMatchObject({ state: 'full', pruned: 0 });
    expect(out.message).toMatch(/^History is full: this check was not saved\. Your settings keep history forever, so Vetter removed nothing/);
    expect(await store.list()).toEqual(before);
  });

  it('entries past the retention period are pruned to make room, then the check is saved', async () => {
    const out = await saveWithRoom(store, entryFor('~01new', 'New'), settings({ historyDays: 300 }), NOW);
    expect(out).toMatchObject({ state: 'pruned', pruned: 1 });
    expect(out.message).toMatch(/1 profile not seen for longer than your settings keep history was removed, and this check was saved/);
    expect(await names()).toEqual(['New', 'Old Two', 'Recent']);
  });

  it('without "remove the oldest when full" nothing within the retention period is removed', async () => {
    const out = await saveWithRoom(store, entryFor('~01new', 'New'), settings({ historyDays: 3650, pruneWhenFull: false }), NOW);
    expect(out).toMatchObject({ state: 'full', pruned: 0 });
    expect(out.message).toMatch(/not saved.*turn that on in the settings/);
    expect(await names()).toEqual(['Old One', 'Old Two', 'Recent']);
  });

  it('with it, the least recently seen profiles go first, only as many as needed', async () => {
    const out = await saveWithRoom(store, entryFor('~01new', 'New'), settings({ historyDays: 3650, pruneWhenFull: true }), NOW);
    expect(out).toMatchObject({ state: 'pruned', pruned: 1 });
    expect(await names()).toEqual(['New', 'Old Two', 'Recent']);
  });

  it('the profile being saved is never removed to make room for itself', async () => {
    // Over quota already (the browser lowered it): even the update of the least recently seen profile needs room.
    capacity.n = 2;
    const update = entryFor('~01o1', 'Old One again', NOW);
    const out = await saveWithRoom(store, update, settings({ historyDays: 3650, pruneWhenFull: true }), NOW);
    expect(out).toMatchObject({ state: 'pruned', pruned: 1 });
    expect(await names()).toEqual(['Old One again', 'Recent']);
  });

  it('when removing the oldest is not enough it stops after a few rounds and says so', async () => {
    capacity.n = 0;
    const out = await saveWithRoom(store, entryFor('~01new', 'New'), settings({ historyDays: 3650, pruneWhenFull: true }), NOW);
    expect(out.state).toBe('full');
    expect(out.message).toMatch(/History is full: this check was not saved\. The 3 profiles seen least recently were removed, as your settings allow, and it still did not fit/);
  });

  it('the background reports a full history in its answer and in the session status, and still returns the report', async () => {
    const deps: BackgroundDeps = { openStore: async () => store, photo: () => Promise.reject(new Error('none')), settings: async () => settings({ historyDays: 0 }), now: () => NOW };
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const p = makeProfile({ name: 'Nina', source: { platform: 'upwork', url: 'https://www.upwork.com/freelancers/~01nina', profileId: '~01nina', capturedAt: NOW.toISOString() } });
    const res = await runCheck(p, deps);
    expect(res.ok).toBe(true);
    expect(res.ok && res.history).toMatchObject({ state: 'full', key: 'upwork:~01nina', message: expect.stringMatching(/History is full: this check was not saved/) });
    expect(await lastHistoryStatus()).toEqual(res.ok && res.history);
    expect(await store.get('upwork:~01nina')).toBeNull();
    expect(await names()).toEqual(['Old One', 'Old Two', 'Recent']);
    expect(await browser.storage.session.get('historyStatus')).toHaveProperty('historyStatus');
  });
});
