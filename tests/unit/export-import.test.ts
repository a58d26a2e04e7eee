import { describe, expect, it } from 'vitest';
import { exportJson } from '../../lib/export/index';
import { applyImport, mergeEntries, mergeImport, parseImport } from '../../lib/export/import';
import type { HistoryEntry } from '../../lib/history/schema';
import { cleanEntry, flaggedEntry, hostileEntry } from './export-entries';
import { MemoryStore } from './memory-store';

const byKey = (es: HistoryEntry[]) => [...es].sort((a, b) => a.identity.key.localeCompare(b.identity.key));

describe('JSON export → import round trip', () => {
  it('importing an export (with photo data) into an empty store gives the same history', async () => {
    const entries = [flaggedEntry(), cleanEntry(), hostileEntry()];
    const store = new MemoryStore();
    const res = await applyImport(store, exportJson(entries, { includePhotoData: true }));
    expect(res).toMatchObject({ ok: true, merged: [], unchanged: [], refused: [] });
    if (!res.ok) return;
    expect(res.added.map((a) => a.key).sort()).toEqual(entries.map((e) => e.identity.key).sort());
    expect(byKey(await store.list())).toEqual(byKey(entries));
  });

  it('without photo data, the same history except the photo hashes', async () => {
    const e = flaggedEntry();
    const store = new MemoryStore();
    await applyImport(store, exportJson([e]));
    const got = (await store.get(e.identity.key))!;
    expect(got.photo).toEqual({ ...e.photo!, phash: null, phashMirror: null, dhash: null });
    expect({ ...got, photo: null, photos: [] }).toEqual({ ...e, photo: null, photos: [] });
  });

  it('importing the same file twice changes nothing the second time', async () => {
    const store = new MemoryStore();
    const text = exportJson([flaggedEntry(), cleanEntry()], { includePhotoData: true });
    await applyImport(store, text);
    const before = await store.list();
    const res = await applyImport(store, text);
    expect(res).toMatchObject({ ok: true, added: [], merged: [], refused: [] });
    if (res.ok) expect(res.unchanged.length).toBe(2);
    expect(await store.list()).toEqual(before);
  });
});

describe('parseImport: bad files get a clear message', () => {
  it.each([
    ['not JSON', '{"format": "vetter-export",', /not valid JSON/],
    ['an array', '[]', /not a Vetter export/],
    ['another format', '{"format":"something-else","version":1}', /format is "something-else"/],
    ['a newer version', '{"format":"vetter-export","version":2,"entries":[]}', /newer Vetter \(format version 2/],
    ['an odd version', '{"format":"vetter-export","version":"1"}', /Unknown export format version "1"/],
    ['a bad header', '{"format":"vetter-export","version":1,"exportedAt":"yesterday","rulesetVersion":"1","appVersion":"1","includesPhotoData":false,"entries":[]}', /header is invalid \(exportedAt/],
    ['no entries', '{"format":"vetter-export","version":1,"exportedAt":"2026-01-01T00:00:00Z","rulesetVersion":"1","appVersion":"1","includesPhotoData":false}', /entries/],
  ])('%s', (_name, text, msg) => {
    const r = parseImport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(msg);
      expect(r.error).toMatch(/Nothing was imported/);
    }
  });

  it('refuses only the invalid entries, naming the entry, its key and the path of the problem', () => {
    const good = flaggedEntry();
    const bad = { ...cleanEntry(), identity: { ...cleanEntry().identity, url: 'not a url' } };
    const worse = { hello: 'world' };
    const bundle = JSON.parse(exportJson([good, cleanEntry()]));
    bundle.entries = [bundle.entries[0], bad, worse];
    const r = parseImport(`\ufeff${JSON.stringify(bundle)}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bundle.entries.map((e) => e.identity.key)).toEqual([good.identity.key]);
    expect(r.refused).toHaveLength(2);
    expect(r.refused[0]).toMatchObject({ index: 1, key: bad.identity.key });
    expect(r.refused[0]!.reason).toMatch(/entry 2 is invalid: identity\.url/);
    expect(r.refused[1]!.key).toBeUndefined();
    expect(r.refused[1]!.reason).toMatch(/entry 3 is invalid: .*identity/);
  });
});

describe('merge: the newer report wins, nothing local is lost', () => {
  const later = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

  it('keeps the newer report, unites dismissals/changes/contacts/photos, keeps the newer notes and any verification', () => {
    const local = flaggedEntry();
    const imp: HistoryEntry = {
      ...local,
      report: { ...local.report, createdAt: later(local.report.createdAt, 2), level: 'medium' },
      lastSeen: later(local.lastSeen, 2),
      firstSeen: later(local.firstSeen, -30),
      checks: 1,
      dismissals: [{ ruleId: 'pay-crypto', title: 'Other', note: 'colleague', at: '2026-11-23T00:00:00.000Z' }],
      changes: [{ field: 'location', from: 'US', to: 'CA', at: '2026-11-22T00:00:00.000Z' }],
      contacts: [...local.contacts, { kind: 'phone', value: '+15550100', raw: '+1 555 0100' }],
      photos: [{ ...local.photos[0]!, phash: null, phashMirror: null, dhash: null }],
      photo: { ...local.photo!, phash: null, phashMirror: null, dhash: null },
      verified: null,
      notes: { ...local.notes!, comment: 'newer comment', pasted: [], updatedAt: '2026-11-24T00:00:00.000Z' },
    };
    const { entry, report } = mergeEntries(local, imp);
    expect(report).toBe('imported');
    expect(entry.report.level).toBe('medium');
    expect(entry.firstSeen).toBe(imp.firstSeen);
    expect(entry.lastSeen).toBe(imp.lastSeen);
    expect(entry.checks).toBe(3);
    expect(entry.dismissals).toEqual([...local.dismissals, ...imp.dismissals]);
    expect(entry.changes.map((c) => c.field)).toEqual(['name', 'location']);
    expect(entry.contacts).toHaveLength(2);
    // The stripped copy of the same photo does not replace the hashed one.
    expect(entry.photos).toEqual(local.photos);
    expect(entry.photo).toEqual(local.photo);
    expect(entry.verified).toBeNull();
    expect(entry.notes!.comment).toBe('newer comment');
    // The older notes' pasted evidence is kept.
    expect(entry.notes!.pasted).toEqual(local.notes!.pasted);
  });

  it('keeps the local report when it is newer, and a verification from either side', () => {
    const local = cleanEntry();
    const imp = { ...local, report: { ...local.report, createdAt: later(local.report.createdAt, -1), level: 'high' as const }, verified: null };
    const { entry, report } = mergeEntries(local, imp);
    expect(report).toBe('local');
    expect(entry.report).toEqual(local.report);
    expect(entry.verified).toEqual(local.verified);
    const newerVerification = { note: 'again', at: later(local.verified!.at, 1) };
    expect(mergeEntries(local, { ...imp, verified: newerVerification }).entry.verified).toEqual(newerVerification);
  });

  it('mergeImport sorts entries into added, merged and unchanged; toPut holds what changed', () => {
    const a = flaggedEntry();
    const b = cleanEntry();
    const c = hostileEntry();
    const bNewer = { ...b, report: { ...b.report, createdAt: later(b.report.createdAt, 1) } };
    const s = mergeImport([a, b], { entries: [a, bNewer, c] });
    expect(s.added.map((x) => x.key)).toEqual([c.identity.key]);
    expect(s.merged).toEqual([{ key: b.identity.key, name: b.identity.name, report: 'imported' }]);
    expect(s.unchanged.map((x) => x.key)).toEqual([a.identity.key]);
    expect(s.toPut.map((e) => e.identity.key).sort()).toEqual([b.identity.key, c.identity.key].sort());
  });

  it('two copies of one profile in the same file merge into one new entry', () => {
    const a = flaggedEntry();
    const a2 = { ...a, dismissals: [], report: { ...a.report, createdAt: later(a.report.createdAt, 1) } };
    const s = mergeImport([], { entries: [a, a2] });
    expect(s.added).toHaveLength(1);
    expect(s.toPut).toHaveLength(1);
    expect(s.toPut[0]!.report.createdAt).toBe(a2.report.createdAt);
    expect(s.toPut[0]!.dismissals).toEqual(a.dismissals);
  });

  it('a write that fails is refused with the reason; the others are saved', async () => {
    const store = new MemoryStore();
    const a = flaggedEntry();
    const b = cleanEntry();
    store.failing.add(a.identity.key);
    const res = await applyImport(store, exportJson([a, b]));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.added.map((x) => x.key)).toEqual([b.identity.key]);
    expect(res.refused).toEqual([{ key: a.identity.key, reason: expect.stringMatching(/could not be saved \(QuotaExceededError/) }]);
    expect(await store.get(b.identity.key)).not.toBeNull();
  });
});
