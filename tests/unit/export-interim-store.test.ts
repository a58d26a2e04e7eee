import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { applyImport } from '../../lib/export/import';
import { exportJson } from '../../lib/export/index';
import { INTERIM_DB_NAME, openInterimStore } from '../../lib/export/interim-store';
import { cleanEntry, flaggedEntry } from './export-entries';

describe('interim IndexedDB store used by the report page', () => {
  it('stores, lists newest first, updates manager input and imports', async () => {
    const store = await openInterimStore(new IDBFactory());
    const a = flaggedEntry();
    const b = { ...cleanEntry(), lastSeen: '2026-11-24T00:00:00.000Z' };
    const res = await applyImport(store, exportJson([a, b], { includePhotoData: true }));
    expect(res.ok && res.added.length).toBe(2);
    expect((await store.list()).map((e) => e.identity.key)).toEqual([b.identity.key, a.identity.key]);
    expect(await store.get(a.identity.key)).toEqual(a);
    const v = { note: 'ok', at: '2026-11-25T00:00:00.000Z' };
    expect((await store.setVerified(a.identity.key, v))!.verified).toEqual(v);
    expect(await store.setVerified('nope', v)).toBeNull();
    await expect(store.put({ ...a, checks: -1 })).rejects.toThrow(/checks/);
    await store.delete(b.identity.key);
    expect(await store.get(b.identity.key)).toBeNull();
  });

  it('an invalid stored record is skipped by reads and listed as set aside, not deleted', async () => {
    const factory = new IDBFactory();
    const store = await openInterimStore(factory);
    await store.put(flaggedEntry());
    globalThis.indexedDB = factory;
    const db = await openDB(INTERIM_DB_NAME, 1);
    await db.put('entries', { version: 99, junk: true }, 'upwork:~01broken');
    db.close();
    expect((await store.list()).length).toBe(1);
    expect(await store.get('upwork:~01broken')).toBeNull();
    const aside = await store.setAside();
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({ key: 'upwork:~01broken', raw: { version: 99, junk: true } });
    expect(aside[0]!.reason).toMatch(/version/);
  });
});
