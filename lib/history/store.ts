/**
 * The history store over IndexedDB (database `vetter`), implementing `HistoryStore` (store-types.ts).
 * Object stores (DB_VERSION 1):
 * - `entries`  keyPath `identity.key`, index `lastSeen`: one HistoryEntry per checked profile;
 * - `digests`  keyPath `identity.key`: the compact part matching reads (photo hashes, text fingerprints, contacts),
 *   written in the same transaction as its entry, so a check scans digests and never the full reports;
 * - `setAside` auto-increment: records that failed validation or migration, with the reason (never dropped).
 * Every read is validated with zod (an invalid entry is moved to `setAside`); every write is validated first.
 * The digests stay in memory once read (see `cache` below), so a check does not re-read the whole history.
 * A full quota becomes a clear error. Schema changes add an `upgrade` step for the new DB_VERSION below.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import { ManagerNotes } from '../notes/schema';
import { digestOf, type Digest } from './match';
import { Contact, Dismissal, HISTORY_VERSION, HistoryEntry, Identity, PhotoFingerprint, TextFingerprint, Verification } from './schema';
import type { HistoryStore, SetAside } from './store-types';

export const DB_NAME = 'vetter';
export const DB_VERSION = 1;

const DigestSchema = z.object({
  identity: Identity,
  lastSeen: z.string(),
  photos: z.array(PhotoFingerprint),
  text: z.array(TextFingerprint),
  contacts: z.array(Contact),
  face: z.array(z.number()).length(128).nullable().optional(),
});

interface VetterDB extends DBSchema {
  entries: { key: string; value: unknown; indexes: { lastSeen: string } };
  digests: { key: string; value: unknown };
  setAside: { key: number; value: SetAside };
}

/** Older entry versions are migrated here, one version step at a time. Unknown versions are set aside. */
export function migrateEntry(raw: unknown): unknown {
  const v = (raw as { version?: unknown } | null)?.version;
  if (v === HISTORY_VERSION) return raw;
  throw new Error(`entry version ${JSON.stringify(v)} is not one this Vetter knows (${HISTORY_VERSION})`);
}

function reasonOf(e: unknown): string {
  if (e instanceof z.ZodError) return e.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ');
  return e instanceof Error ? e.message : String(e);
}

/** Raw record → valid entry, or the reason it is not one. */
export function readEntry(raw: unknown): { ok: true; entry: HistoryEntry } | { ok: false; reason: string } {
  try {
    return { ok: true, entry: HistoryEntry.parse(migrateEntry(raw)) };
  } catch (e) {
    return { ok: false, reason: reasonOf(e) };
  }
}

function isQuota(e: unknown): boolean {
  const name = (e as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(e instanceof Error ? e.message : String(e));
}

/** The error thrown when the browser refuses a write for lack of space. */
export class HistoryQuotaError extends Error {
  constructor(cause: unknown) {
    super(
      `Vetter could not save this check: the browser's storage space for the extension is full (${cause instanceof Error ? cause.message : String(cause)}). ` +
        'Nothing stored was lost. Delete old profiles on the history page or keep history for fewer days in the options.',
    );
    this.name = 'HistoryQuotaError';
  }
}

async function guard<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (isQuota(e)) throw new HistoryQuotaError(e);
    throw new Error(`History: could not ${what} (${e instanceof Error ? e.message : String(e)}).`, { cause: e });
  }
}

const keyOfRaw = (raw: unknown): string => {
  const k = (raw as { identity?: { key?: unknown } } | null)?.identity?.key;
  return typeof k === 'string' ? k : '(no key)';
};

export interface HistoryStoreExt extends HistoryStore {
  /** The compact records matching reads, validated; invalid ones are rebuilt from their entries. */
  digests(): Promise<Digest[]>;
  /** Deletes entries not seen for `days` days (0 = keep forever); returns how many were removed. */
  prune(days: number, now?: Date): Promise<number>;
  /** Closes the connection (tests, page unload). */
  close(): void;
}

/** Opens (and creates or upgrades) the history database. `factory` defaults to the global indexedDB. */
export async function openHistory(factory?: IDBFactory, opts: { onClosed?: () => void } = {}): Promise<HistoryStoreExt> {
  const idb = factory ?? globalThis.indexedDB;
  if (!idb) throw new Error('History: IndexedDB is not available in this context.');
  const prevIdb = globalThis.indexedDB;
  // idb's openDB uses the global indexedDB; swap in the given factory for the call.
  if (factory && factory !== prevIdb) Object.defineProperty(globalThis, 'indexedDB', { value: factory, configurable: true, writable: true });
  let db: IDBPDatabase<VetterDB>;
  try {
    db = await openDB<VetterDB>(DB_NAME, DB_VERSION, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) {
          const entries = d.createObjectStore('entries', { keyPath: 'identity.key' });
          entries.createIndex('lastSeen', 'lastSeen');
          d.createObjectStore('digests', { keyPath: 'identity.key' });
          d.createObjectStore('setAside', { autoIncrement: true });
        }
        // Future versions: `if (oldVersion < 2) { … }`, migrating records with migrateEntry.
      },
      // "Clear all data" (options page) deletes the database: let it go instead of blocking the deletion; the caller
      // opens a fresh connection next time (onClosed).
      blocking() {
        db.close();
        opts.onClosed?.();
      },
      terminated() {
        opts.onClosed?.();
      },
    });
  } finally {
    if (factory && factory !== prevIdb) Object.defineProperty(globalThis, 'indexedDB', { value: prevIdb, configurable: true, writable: true });
  }

  /**
   * The digests in memory after the first read (the background checks many profiles per session): this instance's
   * writes keep it current, and every other instance's writes (history page, report page, imports) drop it through
   * a BroadcastChannel, so the next check reads the database again.
   */
  let cache: Map<string, Digest> | null = null;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${DB_NAME}-history-changed`) : null;
  if (channel) {
    channel.onmessage = () => {
      cache = null;
    };
    (channel as { unref?: () => void }).unref?.();
  }
  const changed = () => channel?.postMessage('changed');

  /** Moves invalid raw records out of `entries` into `setAside` with their reason. */
  async function setAsideRaw(bad: { key: string; raw: unknown; reason: string }[]): Promise<void> {
    if (!bad.length) return;
    const tx = db.transaction(['entries', 'digests', 'setAside'], 'readwrite');
    const at = new Date().toISOString();
    for (const b of bad) {
      await tx.objectStore('setAside').add({ key: b.key, reason: b.reason, raw: b.raw, at });
      await tx.objectStore('entries').delete(b.key);
      await tx.objectStore('digests').delete(b.key);
      cache?.delete(b.key);
    }
    await tx.done;
    changed();
  }

  async function writeEntry(entry: HistoryEntry): Promise<void> {
    const valid = HistoryEntry.parse(entry);
    await guard('save the entry', async () => {
      const tx = db.transaction(['entries', 'digests'], 'readwrite');
      await Promise.all([tx.objectStore('entries').put(valid), tx.objectStore('digests').put(digestOf(valid)), tx.done]);
    });
    cache?.set(valid.identity.key, digestOf(valid));
    changed();
  }

  const store: HistoryStoreExt = {
    async get(key) {
      const raw = await guard('read an entry', () => db.get('entries', key));
      if (raw === undefined) return null;
      const r = readEntry(raw);
      if (r.ok) return r.entry;
      await setAsideRaw([{ key, raw, reason: r.reason }]);
      return null;
    },
    async list() {
      const raws = await guard('read the history', () => db.getAll('entries'));
      const good: HistoryEntry[] = [];
      const bad: { key: string; raw: unknown; reason: string }[] = [];
      for (const raw of raws) {
        const r = readEntry(raw);
        if (r.ok) good.push(r.entry);
        else bad.push({ key: keyOfRaw(raw), raw, reason: r.reason });
      }
      await setAsideRaw(bad);
      return good.sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
    },
    async digests() {
      if (cache) return [...cache.values()];
      const raws = await guard('read the history', () => db.getAll('digests'));
      const out: Digest[] = [];
      const rebuild: string[] = [];
      for (const raw of raws) {
        const r = DigestSchema.safeParse(raw);
        if (r.success) out.push(r.data);
        else rebuild.push(keyOfRaw(raw));
      }
      for (const key of rebuild) {
        const e = await store.get(key);
        if (e) {
          await writeEntry(e);
          out.push(digestOf(e));
        } else await guard('drop a stale digest', () => db.delete('digests', key));
      }
      cache = new Map(out.map((d) => [d.identity.key, d]));
      return out;
    },
    put: writeEntry,
    async delete(key) {
      await guard('delete the entry', async () => {
        const tx = db.transaction(['entries', 'digests'], 'readwrite');
        await Promise.all([tx.objectStore('entries').delete(key), tx.objectStore('digests').delete(key), tx.done]);
      });
      cache?.delete(key);
      changed();
    },
    async setNotes(key, notes) {
      return update(key, (e) => ({ ...e, notes: ManagerNotes.parse(notes) }));
    },
    async setDismissals(key, dismissals) {
      return update(key, (e) => ({ ...e, dismissals: z.array(Dismissal).parse(dismissals) }));
    },
    async setVerified(key, verified) {
      return update(key, (e) => ({ ...e, verified: Verification.nullable().parse(verified) }));
    },
    async setAside() {
      return guard('read the set-aside records', () => db.getAll('setAside'));
    },
    async clear() {
      await guard('clear the history', async () => {
        const tx = db.transaction(['entries', 'digests', 'setAside'], 'readwrite');
        await Promise.all([tx.objectStore('entries').clear(), tx.objectStore('digests').clear(), tx.objectStore('setAside').clear(), tx.done]);
      });
      cache = new Map();
      changed();
    },
    async prune(days, now = new Date()) {
      if (!Number.isFinite(days) || days <= 0) return 0;
      const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
      return guard('remove old entries', async () => {
        const tx = db.transaction(['entries', 'digests'], 'readwrite');
        const keys = await tx.objectStore('entries').index('lastSeen').getAllKeys(IDBKeyRange.upperBound(cutoff, true));
        for (const k of keys) {
          await tx.objectStore('entries').delete(k);
          await tx.objectStore('digests').delete(k);
          cache?.delete(k);
        }
        await tx.done;
        if (keys.length) changed();
        return keys.length;
      });
    },
    close() {
      db.close();
      channel?.close();
    },
  };

  async function update(key: string, f: (e: HistoryEntry) => HistoryEntry): Promise<HistoryEntry | null> {
    const e = await store.get(key);
    if (!e) return null;
    const next = f(e);
    await writeEntry(next);
    return next;
  }

  return store;
}
