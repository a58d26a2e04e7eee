/**
 * INTERIM: a minimal IndexedDB HistoryStore so that the report page works and can be tested before the real store
 * (lib/history/store.ts, `openHistory`) lands on main. entrypoints/report/store.ts is the only user; when merging,
 * point it at `openHistory` and delete this file and its test.
 *
 * Entries are validated on every read and write; a stored record that fails validation is never dropped: reads skip
 * it and `setAside()` lists it with the reason.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { HistoryEntry } from '../history/schema';
import type { HistoryStore, SetAside } from '../history/store-types';

export const INTERIM_DB_NAME = 'vetter-history';
const ENTRIES = 'entries';

export async function openInterimStore(factory?: IDBFactory): Promise<HistoryStore> {
  const open = () =>
    openDB(INTERIM_DB_NAME, 1, {
      upgrade(db) {
        if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES);
      },
    });
  let db: IDBPDatabase;
  if (factory) {
    const saved = globalThis.indexedDB;
    globalThis.indexedDB = factory;
    try {
      db = await open();
    } finally {
      globalThis.indexedDB = saved;
    }
  } else db = await open();

  const get = async (key: string) => {
    const r = HistoryEntry.safeParse(await db.get(ENTRIES, key));
    return r.success ? r.data : null;
  };
  const put = async (entry: HistoryEntry) => {
    const e = HistoryEntry.parse(entry);
    await db.put(ENTRIES, e, e.identity.key);
  };
  const update = async (key: string, patch: Partial<HistoryEntry>) => {
    const e = await get(key);
    if (!e) return null;
    await put({ ...e, ...patch });
    return get(key);
  };
  return {
    get,
    put,
    async list() {
      const all = await db.getAll(ENTRIES);
      return all
        .map((x) => HistoryEntry.safeParse(x))
        .flatMap((r) => (r.success ? [r.data] : []))
        .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
    },
    delete: (key) => db.delete(ENTRIES, key),
    setNotes: (key, notes) => update(key, { notes }),
    setDismissals: (key, dismissals) => update(key, { dismissals }),
    setVerified: (key, verified) => update(key, { verified }),
    async setAside() {
      const out: SetAside[] = [];
      let cursor = await db.transaction(ENTRIES).store.openCursor();
      while (cursor) {
        const r = HistoryEntry.safeParse(cursor.value);
        if (!r.success)
          out.push({ key: String(cursor.key), reason: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), raw: cursor.value, at: new Date().toISOString() });
        cursor = await cursor.continue();
      }
      return out;
    },
    clear: () => db.clear(ENTRIES),
  };
}
