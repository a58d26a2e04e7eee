import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine';
import { mergeEntry, textFingerprints } from '../../lib/history/record';
import type { HistoryEntry } from '../../lib/history/schema';
import { HistoryQuotaError, openHistory, type HistoryStoreExt } from '../../lib/history/store';
import { emptyNotes } from '../../lib/notes/schema';
import { makeProfile, NOW } from './helpers';
import { rawWrite } from './idb-helpers';

function entryFor(id: string, name: string, now = NOW): HistoryEntry {
  const p = makeProfile({ name, source: { platform: 'upwork', url: `https://www.upwork.com/freelancers/${id}`, profileId: id, capturedAt: now.toISOString() } });
  return mergeEntry(null, p, analyze(p, { now }), null, textFingerprints(p), now);
}

/** Writes a record straight into an object store (what an old or corrupted write leaves). */
const rawPutIn = (f: IDBFactory, storeName: string, record: unknown) => rawWrite(f, [storeName], (tx) => tx.objectStore(storeName).put(record));

/** Writes records straight into the `entries` store, bypassing validation. */
const rawPut = (f: IDBFactory, records: unknown[]) => rawWrite(f, ['entries'], (tx) => records.forEach((r) => tx.objectStore('entries').put(r)));

let factory: IDBFactory;
let store: HistoryStoreExt;
beforeEach(async () => {
  factory = new IDBFactory();
  store = await openHistory(factory);
});

describe('history store (IndexedDB via idb, fake-indexeddb in Node)', () => {
  it('puts, gets, lists newest first, deletes and clears', async () => {
    const a = entryFor('~01a', 'Ana', new Date('2025-01-01T00:00:00Z'));
    const b = entryFor('~01b', 'Ben', new Date('2025-02-01T00:00:00Z'));
    await store.put(a);
    await store.put(b);
    expect(await store.get(a.identity.key)).toEqual(a);
    expect((await store.list()).map((e) => e.identity.name)).toEqual(['Ben', 'Ana']);
    expect((await store.digests()).map((d) => d.identity.key).sort()).toEqual([a.identity.key, b.identity.key].sort());
    await store.delete(a.identity.key);
    expect(await store.get(a.identity.key)).toBeNull();
    expect((await store.digests()).length).toBe(1);
    await store.clear();
    expect(await store.list()).toEqual([]);
  });

  it('persists across connections (same factory)', async () => {
    const a = entryFor('~01a', 'Ana');
    await store.put(a);
    store.close();
    const again = await openHistory(factory);
    expect(await again.get(a.identity.key)).toEqual(a);
  });

  it('rejects an invalid write and keeps what was stored', async () => {
    const a = entryFor('~01a', 'Ana');
    await store.put(a);
    await expect(store.put({ ...a, checks: 0 })).rejects.toThrow();
    expect(await store.get(a.identity.key)).toEqual(a);
  });

  it('sets aside an invalid stored record with the reason instead of dropping it', async () => {
    const a = entryFor('~01a', 'Ana');
    await store.put(a);
    store.close();
    await rawPut(factory, [{ ...a, identity: { ...a.identity, key: 'upwork:~01bad' }, lastSeen: 'yesterday' }, { version: 99, identity: { key: 'upwork:~01future' } }]);
    const s = await openHistory(factory);
    const list = await s.list();
    expect(list.map((e) => e.identity.key)).toEqual([a.identity.key]);
    const aside = await s.setAside();
    expect(aside.map((x) => x.key).sort()).toEqual(['upwork:~01bad', 'upwork:~01future']);
    expect(aside.find((x) => x.key === 'upwork:~01bad')!.reason).toMatch(/lastSeen/);
    expect(aside.find((x) => x.key === 'upwork:~01future')!.reason).toMatch(/version 99/);
    expect((aside.find((x) => x.key === 'upwork:~01bad')!.raw as { lastSeen: string }).lastSeen).toBe('yesterday');
    // Moved, not copied: the next read does not set them aside twice.
    await s.list();
    expect((await s.setAside()).length).toBe(2);
  });

  it('get() of an invalid record sets it aside and returns null', async () => {
    store.close();
    await rawPut(factory, [{ version: 1, identity: { key: 'k' } }]);
    const s = await openHistory(factory);
    expect(await s.get('k')).toBeNull();
    expect((await s.setAside())[0]!.key).toBe('k');
  });

  it('a damaged digest is rebuilt from its entry; a digest without an entry is dropped', async () => {
    const a = entryFor('~01a', 'Ana');
    await store.put(a);
    store.close();
    await rawPutIn(factory, 'digests', { identity: a.identity, lastSeen: a.lastSeen, photos: 'broken', text: [], contacts: [] });
    await rawPutIn(factory, 'digests', { identity: { key: 'upwork:~01gone' } });
    const s = await openHistory(factory);
    const d = await s.digests();
    expect(d.map((x) => x.identity.key)).toEqual([a.identity.key]);
    expect(d[0]!.photos).toEqual([]);
    expect((await s.digests()).length).toBe(1);
  });

  it('keeps the digests in memory, current with its own writes and dropped when another instance writes', async () => {
    const a = entryFor('~01a', 'Ana');
    await store.put(a);
    expect((await store.digests()).map((d) => d.identity.name)).toEqual(['Ana']);
    await store.put(entryFor('~01b', 'Ben'));
    expect((await store.digests()).map((d) => d.identity.name).sort()).toEqual(['Ana', 'Ben']);
    // Another context (the history page) deletes an entry: this instance's cached digests must not keep it.
    const page = await openHistory(factory);
    await page.delete(a.identity.key);
    await new Promise((r) => setTimeout(r, 20));
    expect((await store.digests()).map((d) => d.identity.name)).toEqual(['Ben']);
    page.close();
    store.close();
  });

  it('stores notes, dismissals and verification on an entry; unknown keys give null', async () => {
    const a = entryFor('~01a', 'Ana');
    await store.put(a);
    const notes = emptyNotes(NOW);
    expect((await store.setNotes(a.identity.key, notes))!.notes).toEqual(notes);
    const d = { ruleId: 'photo-missing', title: 'No profile photo', note: 'met on video', at: NOW.toISOString() };
    expect((await store.setDismissals(a.identity.key, [d]))!.dismissals).toEqual([d]);
    expect((await store.setVerified(a.identity.key, { note: 'ID checked', at: NOW.toISOString() }))!.verified!.note).toBe('ID checked');
    expect((await store.setVerified(a.identity.key, null))!.verified).toBeNull();
    expect(await store.setVerified('nope', null)).toBeNull();
    await expect(store.setDismissals(a.identity.key, [{ ...d, ruleId: '' }])).rejects.toThrow();
  });

  it('prune(days) removes entries not seen for that long; 0 keeps everything', async () => {
    await store.put(entryFor('~01old', 'Old', new Date('2024-01-01T00:00:00Z')));
    await store.put(entryFor('~01new', 'New', new Date('2025-02-20T00:00:00Z')));
    expect(await store.prune(0, NOW)).toBe(0);
    expect(await store.prune(30, NOW)).toBe(1);
    expect((await store.list()).map((e) => e.identity.name)).toEqual(['New']);
    expect((await store.digests()).map((d) => d.identity.name)).toEqual(['New']);
  });

  it('a full quota becomes a clear error', async () => {
    const a = entryFor('~01a', 'Ana');
    const quota = new IDBFactory();
    const s = await openHistory(quota);
    // Make the next object-store write fail as a browser does when the quota is exhausted.
    const proto = Object.getPrototypeOf((await openDB('probe', 1, { upgrade: (d) => void d.createObjectStore('x') })).transaction('x', 'readwrite').store);
    const orig = proto.put;
    proto.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await expect(s.put(a)).rejects.toThrow(HistoryQuotaError);
      await expect(s.put(a)).rejects.toThrow(/storage space for the extension is full/);
    } finally {
      proto.put = orig;
    }
  });

  it('rejects opening without IndexedDB with a clear message', async () => {
    const g = globalThis as { indexedDB?: unknown };
    const saved = g.indexedDB;
    try {
      g.indexedDB = undefined;
      await expect(openHistory()).rejects.toThrow(/IndexedDB is not available/);
    } finally {
      g.indexedDB = saved;
    }
  });
});
