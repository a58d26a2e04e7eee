/**
 * Storage-fault figures (issue 8, lib/history/store*.ts, lib/settings): what the repairs cost when they run.
 * fake-indexeddb in Node (an in-memory JS implementation; a browser's IndexedDB differs), so these compare code
 * paths rather than predict a browser. Standalone: `npx tsx tests/bench/storage.ts`.
 */
import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { analyze } from '../../lib/engine';
import { mergeEntry, textFingerprints } from '../../lib/history/record';
import type { HistoryEntry } from '../../lib/history/schema';
import { DB_NAME, DB_VERSION, openHistory } from '../../lib/history/store';
import { saveWithRoom } from '../../lib/history/store-quota';
import { repairSettings } from '../../lib/settings/migrate';
import { defaultSettings } from '../../lib/settings/schema';
import { makeProfile } from '../unit/helpers';
import { rawWrite } from '../unit/idb-helpers';

function entryOf(i: number, now: Date): HistoryEntry {
  const id = `~01${i.toString(16).padStart(8, '0')}`;
  const seen = new Date(now.getTime() - i * 3_600_000);
  const p = makeProfile({
    source: { platform: 'upwork', url: `https://www.upwork.com/freelancers/${id}`, profileId: id, capturedAt: seen.toISOString() },
    name: `Person ${i}`,
    overview: `I build web apps, number ${i}, with React and Node for clients in many countries over the last years.`,
    links: [{ url: `https://github.com/p${i}`, kind: 'github' }],
  });
  return mergeEntry(null, p, analyze(p, { now: seen }), null, textFingerprints(p), seen);
}

export async function benchStorage(): Promise<void> {
  const now = new Date('2026-01-01T00:00:00Z');
  const N = 2_000;
  const entries = Array.from({ length: N }, (_, i) => entryOf(i, now));
  if (!entries[0]!.snapshot) throw new Error('bench entry shape');
  console.log('\nStorage faults (issue 8; fake-indexeddb in Node, not a browser):');

  // Entries written straight into the database, without digests (as an interrupted older write leaves them), a tenth
  // of them in the legacy shape with a non-http link: the first session read migrates them and rebuilds every digest.
  const f = new IDBFactory();
  (await openHistory(f)).close();
  const legacy = entries.map((e, i) => (i % 10 === 0 ? { ...e, snapshot: { ...e.snapshot, links: [...e.snapshot.links, { url: '//old.example', kind: 'other' }] } } : e));
  await rawWrite(f, ['entries'], (tx) => legacy.forEach((r) => tx.objectStore('entries').put(r)));
  const s = await openHistory(f);
  let t = performance.now();
  const d1 = await s.digests();
  const rebuild = performance.now() - t;
  s.close();
  const s2 = await openHistory(f);
  t = performance.now();
  const d2 = await s2.digests();
  const inSync = performance.now() - t;
  const aside = (await s2.setAside()).length;
  // The part of that read before this change: the digests alone (no check against the entries).
  const { openDB } = await import('idb');
  const prev = globalThis.indexedDB;
  Object.defineProperty(globalThis, 'indexedDB', { value: f, configurable: true, writable: true });
  const raw = await openDB(DB_NAME, DB_VERSION);
  Object.defineProperty(globalThis, 'indexedDB', { value: prev, configurable: true, writable: true });
  t = performance.now();
  await raw.getAll('digests');
  const digestsOnly = performance.now() - t;
  raw.close();
  console.log(
    `  digests of ${N.toLocaleString('en')} entries with none stored (${N / 10} in the legacy shape, migrated, originals kept aside: ${aside}): ${rebuild.toFixed(0)} ms once; ` +
      `the next session's first read, digests in sync (checked against the entries' keys): ${inSync.toFixed(0)} ms for ${d2.length.toLocaleString('en')} (rebuilt ${d1.length.toLocaleString('en')}; reading the digests alone, without the check: ${digestsOnly.toFixed(0)} ms)`,
  );

  // A full quota with pruneWhenFull on: one put of a new profile over N stored, removing the least recently seen.
  const proto = IDBObjectStore.prototype as unknown as { put: (...a: unknown[]) => unknown };
  const put = proto.put;
  let full = true;
  proto.put = function (this: { name: string }, ...a: unknown[]) {
    if (this.name === 'entries' && full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, a);
  };
  const pruneStore = { ...s2, put: async (e: HistoryEntry) => s2.put(e), prune: s2.prune, count: s2.count, pruneOldest: async (n: number, except?: string) => ((full = false), s2.pruneOldest(n, except)) };
  t = performance.now();
  const out = await saveWithRoom(pruneStore, entryOf(N + 1, now), { ...defaultSettings(), historyDays: 3650, pruneWhenFull: true }, now);
  const quota = performance.now() - t;
  proto.put = put;
  console.log(`  a check hitting a full quota over ${N.toLocaleString('en')} entries, pruneWhenFull on: ${out.state}, ${out.pruned} removed (a twentieth), ${quota.toFixed(0)} ms`);
  s2.close();

  const damaged = { ...defaultSettings(), historyDays: 'x', rules: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`rule-${i}`, i % 7 ? { enabled: true, severity: null } : { enabled: 'no' }])) };
  const R = 2_000;
  t = performance.now();
  for (let i = 0; i < R; i++) repairSettings(damaged);
  console.log(`  settings repaired field by field (40 rule entries, 7 bad): ${(((performance.now() - t) / R) * 1000).toFixed(0)} µs each`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStorage();
