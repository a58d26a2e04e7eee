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
import { openDB, type DBSchema, type IDBPDatabase, type IDBPIndex } from 'idb';
import { z } from 'zod';
import { ManagerNotes } from '../notes/schema';
import { Link, Photo } from '../profile/schema';
import { digestOf, type Digest } from './match';
import { Contact, Dismissal, HISTORY_VERSION, HistoryEntry, Identity, PhotoFingerprint, TextFingerprint, Verification } from './schema';
import type { HistoryStore, SetAside } from './store-types';
import { statusMsg, type CatalogueMsg, type StatusText } from './status-msg';

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

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

/**
 * Steps for entry versions older than HISTORY_VERSION, one version at a time: MIGRATIONS[v] turns a version-v record
 * into a version-(v+1) record. Version 1 is the first entry version, so there is no step yet; the next schema change
 * adds `1: (o) => …` here and raises HISTORY_VERSION.
 */
export const MIGRATIONS: Record<number, (o: Record<string, unknown>) => Record<string, unknown>> = {};

/** Older entry versions are migrated here, one version step at a time. Unknown or newer versions throw (set aside). */
export function migrateEntry(raw: unknown, steps: Record<number, (o: Record<string, unknown>) => Record<string, unknown>> = MIGRATIONS, current = HISTORY_VERSION): unknown {
  if (!isObj(raw)) throw new Error(`the stored record is not an object (it is ${kindOf(raw)})`);
  const v = raw.version;
  if (v === current) return raw;
  if (typeof v === 'number' && v > current) throw new Error(`entry version ${v} was written by a newer Vetter (this one reads version ${current})`);
  if (typeof v !== 'number' || !Number.isInteger(v) || !steps[v]) throw new Error(`entry version ${JSON.stringify(v)} is not one this Vetter knows (${current})`);
  let o = raw;
  for (let i = v; i < current; i++) {
    const step = steps[i];
    if (!step) throw new Error(`no migration from entry version ${i}`);
    o = step(o);
  }
  return o;
}

/**
 * Version-1 entries stored before addresses had to be http(s) (commit eb21898): a link such as `mailto:…`,
 * `//host/path` or `javascript:…` in `snapshot.links` or `profile.links`, or a relative photo address in
 * `profile.photo`, now fails validation. These are left out of the entry (the original record is kept aside whole,
 * kind `migrated`), so the rest of the entry, the manager's notes and decisions, stay in the history.
 */
export function repairLegacyAddresses(raw: Record<string, unknown>): { value: Record<string, unknown>; notes: string[] } {
  const notes: string[] = [];
  const keepLinks = (links: unknown, where: string): unknown => {
    if (!Array.isArray(links)) return links;
    const good = links.filter((l) => Link.safeParse(l).success);
    if (good.length < links.length) notes.push(`${links.length - good.length} address${links.length - good.length === 1 ? '' : 'es'} in ${where} that ${links.length - good.length === 1 ? 'is' : 'are'} not http(s) left out`);
    return good;
  };
  const value: Record<string, unknown> = { ...raw };
  if (isObj(raw.snapshot)) value.snapshot = { ...raw.snapshot, links: keepLinks(raw.snapshot.links, 'snapshot.links') };
  if (isObj(raw.profile)) {
    const profile: Record<string, unknown> = { ...raw.profile, links: keepLinks(raw.profile.links, 'profile.links') };
    if (raw.profile.photo != null && !Photo.safeParse(raw.profile.photo).success) {
      profile.photo = null;
      notes.push('a profile.photo address that is not http(s) left out');
    }
    value.profile = profile;
  }
  return { value, notes };
}

function reasonOf(e: unknown): string {
  if (e instanceof z.ZodError) return e.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ');
  return e instanceof Error ? e.message : String(e);
}

export type ReadResult = { ok: true; entry: HistoryEntry; migrated?: string } | { ok: false; reason: string };

/** Raw record → valid entry (migrated, with what was done, when it was an older shape), or the reason it is not one. */
export function readEntry(raw: unknown): ReadResult {
  try {
    const m = migrateEntry(raw);
    const direct = HistoryEntry.safeParse(m);
    const from = (raw as { version?: unknown }).version;
    if (direct.success) return m === raw ? { ok: true, entry: direct.data } : { ok: true, entry: direct.data, migrated: `migrated from entry version ${String(from)}` };
    const fix = repairLegacyAddresses(m as Record<string, unknown>);
    if (fix.notes.length) {
      const again = HistoryEntry.safeParse(fix.value);
      if (again.success) return { ok: true, entry: again.data, migrated: `migrated: ${fix.notes.join('; ')}` };
    }
    return { ok: false, reason: reasonOf(direct.error) };
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

/** The history database cannot be used here (a newer Vetter's database, blocked, or the browser refuses it). */
export class HistoryUnavailableError extends Error {
  /** The message as a catalogue message, for the pages to show in the user's language (lib/history/status-msg.ts). */
  readonly msg: CatalogueMsg | undefined;
  constructor(text: string | StatusText, cause?: unknown) {
    super(typeof text === 'string' ? text : text.message, { cause });
    this.name = 'HistoryUnavailableError';
    this.msg = typeof text === 'string' ? undefined : text.msg;
  }
}

/** A failed open → a message that says what happened, that nothing was deleted, and what still works. */
export function openFailure(e: unknown): HistoryUnavailableError {
  if (e instanceof HistoryUnavailableError) return e;
  const name = (e as { name?: string } | null)?.name ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  if (name === 'VersionError')
    return new HistoryUnavailableError(statusMsg('hs_db_newer', [DB_VERSION, msg]), e);
  return new HistoryUnavailableError(statusMsg('hs_db_failed', [`${name ? `${name}: ` : ''}${msg}`]), e);
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
  /** How many entries the history holds. */
  count(): Promise<number>;
  /** Deletes the `n` least recently seen entries (never `except`); returns how many were removed. */
  pruneOldest(n: number, except?: string): Promise<number>;
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
  let db!: IDBPDatabase<VetterDB>;
  let onBlocked: (e: Error) => void = () => undefined;
  const blocked = new Promise<never>((_, reject) => (onBlocked = reject));
  blocked.catch(() => undefined);
  try {
    const opening = openDB<VetterDB>(DB_NAME, DB_VERSION, {
      upgrade(d, oldVersion) {
        if (oldVersion < 1) {
          const entries = d.createObjectStore('entries', { keyPath: 'identity.key' });
          entries.createIndex('lastSeen', 'lastSeen');
          d.createObjectStore('digests', { keyPath: 'identity.key' });
          d.createObjectStore('setAside', { autoIncrement: true });
        }
        // Future versions: `if (oldVersion < 2) { … }`, migrating records with migrateEntry.
      },
      // An older connection (another Vetter page of an older version) does not let go: say so instead of waiting.
      blocked() {
        onBlocked(new HistoryUnavailableError(statusMsg('hs_db_blocked')));
        void opening.then((late) => late.close(), () => undefined);
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
    db = await Promise.race([opening, blocked]);
  } catch (e) {
    throw openFailure(e);
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

  /**
   * Moves invalid raw records out of `entries` into `setAside` with their reason, and writes migrated entries back
   * (with their digests) while their originals go to `setAside` (kind `migrated`): one transaction, so a failure
   * leaves everything as it was.
   */
  async function settle(bad: { key: string; raw: unknown; reason: string }[], migrated: { raw: unknown; entry: HistoryEntry; reason: string }[] = []): Promise<void> {
    if (!bad.length && !migrated.length) return;
    await guard('set aside unreadable records', async () => {
      const tx = db.transaction(['entries', 'digests', 'setAside'], 'readwrite');
      const at = new Date().toISOString();
      for (const b of bad) {
        await tx.objectStore('setAside').add({ key: b.key, reason: b.reason, raw: b.raw, at, kind: 'invalid' });
        await tx.objectStore('entries').delete(b.key);
        await tx.objectStore('digests').delete(b.key);
      }
      for (const m of migrated) {
        await tx.objectStore('setAside').add({ key: m.entry.identity.key, reason: m.reason, raw: m.raw, at, kind: 'migrated' });
        await tx.objectStore('entries').put(m.entry);
        await tx.objectStore('digests').put(digestOf(m.entry));
      }
      await tx.done;
    });
    for (const b of bad) cache?.delete(b.key);
    for (const m of migrated) cache?.set(m.entry.identity.key, digestOf(m.entry));
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
      if (!r.ok) {
        await settle([{ key, raw, reason: r.reason }]);
        return null;
      }
      if (r.migrated) await settle([], [{ raw, entry: r.entry, reason: r.migrated }]);
      else {
        // A digest out of step with its entry (the entry was rewritten without it): refreshed when the entry is read.
        const d = cache?.get(key);
        if (d && d.lastSeen !== r.entry.lastSeen) {
          const fresh = digestOf(r.entry);
          await guard('refresh a digest', () => db.put('digests', fresh));
          cache?.set(key, fresh);
        }
      }
      return r.entry;
    },
    async list() {
      const raws = await guard('read the history', () => db.getAll('entries'));
      const good: HistoryEntry[] = [];
      const bad: { key: string; raw: unknown; reason: string }[] = [];
      const migrated: { raw: unknown; entry: HistoryEntry; reason: string }[] = [];
      for (const raw of raws) {
        const r = readEntry(raw);
        if (!r.ok) bad.push({ key: keyOfRaw(raw), raw, reason: r.reason });
        else {
          good.push(r.entry);
          if (r.migrated) migrated.push({ raw, entry: r.entry, reason: r.migrated });
        }
      }
      await settle(bad, migrated);
      return good.sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
    },
    async digests() {
      if (cache) return [...cache.values()];
      // The digests and the entries' keys (one request each, no entry read), in one snapshot.
      const [raws, live] = await guard('read the history', async () => {
        const tx = db.transaction(['entries', 'digests']);
        const [all, keys] = await Promise.all([tx.objectStore('digests').getAll(), tx.objectStore('entries').getAllKeys()]);
        await tx.done;
        return [all, new Set(keys.map(String))] as const;
      });
      const out = new Map<string, Digest>();
      const rebuild = new Set<string>();
      const drop: string[] = [];
      for (const raw of raws) {
        const key = keyOfRaw(raw);
        const r = DigestSchema.safeParse(raw);
        // A digest without its entry (deleted by an older write) is dropped; a damaged one is rebuilt from its entry.
        if (!live.has(key)) drop.push(key);
        else if (!r.success) rebuild.add(key);
        else out.set(key, r.data);
      }
      // An entry without its digest (written by an interrupted or older write): rebuilt, so matching sees it.
      for (const key of live) if (!out.has(key)) rebuild.add(key);
      for (const key of rebuild) {
        const e = await store.get(key);
        if (e) {
          const d = digestOf(e);
          await guard('rebuild a digest', () => db.put('digests', d));
          out.set(key, d);
        } else drop.push(key);
      }
      for (const key of drop) if (key !== '(no key)') await guard('drop a stale digest', () => db.delete('digests', key));
      cache = out;
      return [...out.values()];
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
      const all: unknown[] = await guard('read the set-aside records', () => db.getAll('setAside'));
      // Shown as found, even a record that is not in the expected form itself.
      return all.map((x): SetAside => {
        const o = x as Partial<SetAside> | null;
        return isObj(x) && typeof o?.key === 'string' && typeof o.reason === 'string' && typeof o.at === 'string'
          ? (x as unknown as SetAside)
          : { key: '(unknown)', reason: 'a set-aside record in an unexpected form', raw: x, at: '', kind: 'invalid' };
      });
    },
    async count() {
      return guard('count the history', () => db.count('entries'));
    },
    async pruneOldest(n, except) {
      if (!(n > 0)) return 0;
      // The least recently seen first (the lastSeen index), one more than asked in case `except` is among them.
      return removeWhere('remove the oldest entries', async (byLastSeen) =>
        (await byLastSeen.getAllKeys(undefined, n + 1)).filter((k) => String(k) !== except).slice(0, n),
      );
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
      return removeWhere('remove old entries', (byLastSeen) => byLastSeen.getAllKeys(IDBKeyRange.upperBound(cutoff, true)));
    },
    close() {
      db.close();
      channel?.close();
    },
  };

  /** Deletes the entries `pick` chooses from the lastSeen index, and their digests, in one transaction. */
  async function removeWhere(what: string, pick: (byLastSeen: IDBPIndex<VetterDB, ['entries', 'digests'], 'entries', 'lastSeen', 'readwrite'>) => Promise<string[]>): Promise<number> {
    return guard(what, async () => {
      const tx = db.transaction(['entries', 'digests'], 'readwrite');
      const keys = await pick(tx.objectStore('entries').index('lastSeen'));
      for (const k of keys) {
        await tx.objectStore('entries').delete(k);
        await tx.objectStore('digests').delete(k);
        cache?.delete(k);
      }
      await tx.done;
      if (keys.length) changed();
      return keys.length;
    });
  }

  async function update(key: string, f: (e: HistoryEntry) => HistoryEntry): Promise<HistoryEntry | null> {
    const e = await store.get(key);
    if (!e) return null;
    const next = f(e);
    await writeEntry(next);
    return next;
  }

  return store;
}
