/**
 * Importing a JSON export (a history backup, or a colleague's list): `parseImport` validates the text (JSON, format,
 * version, then each entry on its own, so one bad entry does not refuse the others), `mergeImport` merges the valid
 * entries into the local history without ever dropping local data, `applyImport` does both on a HistoryStore and
 * returns what was added, merged, left unchanged or refused, and why.
 *
 * Merge rule for an entry whose key is already stored: the newer report wins (with its snapshot, full profile,
 * identity and latest photo); dismissals, changes, contacts, text fingerprints and photos are united by value; `firstSeen` is the
 * earlier, `lastSeen` the later, `checks` the larger; the verification with the later date is kept (a missing one
 * never replaces an existing one); the manager notes with the later `updatedAt` are kept, and pasted texts and
 * earlier shipping addresses of the other side are added to them.
 */
import { z } from 'zod';
import { HistoryEntry, type PhotoFingerprint } from '../history/schema';
import type { HistoryStore } from '../history/store-types';
import type { ManagerNotes } from '../notes/schema';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportBundle } from './bundle';

export interface Refusal {
  /** The entry's key when it could be read. */
  key?: string;
  /** Position of the entry in the file (0-based), when the refusal is about one entry. */
  index?: number;
  reason: string;
}

export type ParsedImport =
  | { ok: true; bundle: ExportBundle; refused: Refusal[] }
  | { ok: false; error: string };

const Header = ExportBundle.omit({ entries: true }).extend({ entries: z.array(z.unknown()) });

function issuesText(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(entry)'}: ${i.message}`)
    .concat(err.issues.length > 5 ? [`and ${err.issues.length - 5} more problems`] : [])
    .join('; ');
}

/** Validates an export file's text. Never throws: a bad file gives `{ ok: false, error }` in plain words. */
export function parseImport(text: string): ParsedImport {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    return { ok: false, error: `This file is not valid JSON (${e instanceof Error ? e.message : String(e)}). Nothing was imported.` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: 'This file is not a Vetter export (expected a JSON object with "format": "vetter-export"). Nothing was imported.' };
  const o = raw as Record<string, unknown>;
  if (o['format'] !== EXPORT_FORMAT)
    return { ok: false, error: `This file is not a Vetter export (format is ${JSON.stringify(o['format'] ?? null)}, expected "${EXPORT_FORMAT}"). Nothing was imported.` };
  if (o['version'] !== EXPORT_VERSION) {
    const v = o['version'];
    const newer = typeof v === 'number' && v > EXPORT_VERSION;
    return {
      ok: false,
      error: newer
        ? `This export was made by a newer Vetter (format version ${v}; this Vetter reads version ${EXPORT_VERSION}). Update Vetter, then import again. Nothing was imported.`
        : `Unknown export format version ${JSON.stringify(v ?? null)} (this Vetter reads version ${EXPORT_VERSION}). Nothing was imported.`,
    };
  }
  const header = Header.safeParse(raw);
  if (!header.success) return { ok: false, error: `The export's header is invalid (${issuesText(header.error)}). Nothing was imported.` };
  const entries: HistoryEntry[] = [];
  const refused: Refusal[] = [];
  header.data.entries.forEach((item, index) => {
    const r = HistoryEntry.safeParse(item);
    if (r.success) {
      entries.push(r.data);
      return;
    }
    const key = (item as { identity?: { key?: unknown } } | null)?.identity?.key;
    refused.push({ index, ...(typeof key === 'string' ? { key } : {}), reason: `entry ${index + 1} is invalid: ${issuesText(r.error)}` });
  });
  return { ok: true, bundle: { ...header.data, entries }, refused };
}

export interface MergeSummary {
  /** Every entry to write (new and merged). */
  toPut: HistoryEntry[];
  added: { key: string; name: string | null }[];
  merged: { key: string; name: string | null; report: 'local' | 'imported' }[];
  /** Already stored exactly as in the file. */
  unchanged: { key: string; name: string | null }[];
  refused: Refusal[];
}

/** Stable JSON for value comparison (object keys sorted). */
function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

function unionBy<T>(a: readonly T[], b: readonly T[], key: (x: T) => string = canon): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const x of [...a, ...b]) {
    const k = key(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

const hasHashes = (p: PhotoFingerprint) => p.phash !== null || p.phashMirror !== null || p.dhash !== null;
const photoKey = (p: PhotoFingerprint) => `${p.url}\u0000${p.hashedAt}`;

/** Photos united by URL and date; of two copies of the same photo, the one with hashes wins (exports may strip them). */
function unionPhotos(a: readonly PhotoFingerprint[], b: readonly PhotoFingerprint[]): PhotoFingerprint[] {
  const by = new Map<string, PhotoFingerprint>();
  for (const p of [...a, ...b]) {
    const k = photoKey(p);
    const had = by.get(k);
    if (!had || (!hasHashes(had) && hasHashes(p))) by.set(k, p);
  }
  return [...by.values()].sort((x, y) => x.hashedAt.localeCompare(y.hashedAt));
}

const byAt = <T extends { at: string }>(xs: T[]) => [...xs].sort((x, y) => x.at.localeCompare(y.at));

function mergeNotes(a: ManagerNotes | null, b: ManagerNotes | null): ManagerNotes | null {
  if (!a || !b) return a ?? b;
  const [newer, older] = b.updatedAt > a.updatedAt ? [b, a] : [a, b];
  return {
    ...newer,
    previousAddresses: unionBy(older.previousAddresses, newer.previousAddresses, (s) => s),
    pasted: [...unionBy(older.pasted, newer.pasted)].sort((x, y) => x.addedAt.localeCompare(y.addedAt)).slice(-200),
  };
}

/** Merges two entries of the same key; nothing of either is dropped except the older report and snapshot. */
export function mergeEntries(local: HistoryEntry, imported: HistoryEntry): { entry: HistoryEntry; report: 'local' | 'imported' } {
  const importedNewer = imported.report.createdAt > local.report.createdAt;
  const newer = importedNewer ? imported : local;
  const photos = unionPhotos(local.photos, imported.photos);
  const photo = newer.photo && (photos.find((p) => photoKey(p) === photoKey(newer.photo!)) ?? newer.photo);
  const verified = !local.verified || !imported.verified ? (local.verified ?? imported.verified) : imported.verified.at > local.verified.at ? imported.verified : local.verified;
  // The face of the newer check's photo: its own, else the other copy's when it is of the same photo (exports may omit it).
  const older = importedNewer ? local : imported;
  const face = newer.face ?? (older.face && older.face.photoUrl === newer.snapshot.photoUrl ? older.face : null);
  const entry: HistoryEntry = {
    version: local.version,
    identity: newer.identity,
    firstSeen: local.firstSeen < imported.firstSeen ? local.firstSeen : imported.firstSeen,
    lastSeen: local.lastSeen > imported.lastSeen ? local.lastSeen : imported.lastSeen,
    checks: Math.max(local.checks, imported.checks),
    snapshot: newer.snapshot,
    report: newer.report,
    photo,
    photos,
    text: unionBy(local.text, imported.text, (t) => `${t.field}\u0000${t.simhash}`),
    contacts: unionBy(local.contacts, imported.contacts, (c) => `${c.kind}\u0000${c.value}`),
    changes: byAt(unionBy(local.changes, imported.changes)),
    dismissals: byAt(unionBy(local.dismissals, imported.dismissals)),
    verified,
    notes: mergeNotes(local.notes, imported.notes),
    // The full profile read goes with the report it was read for.
    ...(newer.profile !== undefined ? { profile: newer.profile } : {}),
    ...(face ? { face } : {}),
  };
  return { entry, report: importedNewer ? 'imported' : 'local' };
}

export function mergeImport(existing: readonly HistoryEntry[], bundle: Pick<ExportBundle, 'entries'>, refusedInFile: Refusal[] = []): MergeSummary {
  const current = new Map(existing.map((e) => [e.identity.key, e]));
  const original = new Map(existing.map((e) => [e.identity.key, canon(e)]));
  const touched = new Map<string, { report: 'local' | 'imported' }>();
  const refused = [...refusedInFile];
  bundle.entries.forEach((imp, index) => {
    const key = imp.identity.key;
    const had = current.get(key);
    if (!had) {
      current.set(key, imp);
      touched.set(key, { report: 'imported' });
      return;
    }
    const m = mergeEntries(had, imp);
    const ok = HistoryEntry.safeParse(m.entry);
    if (!ok.success) {
      refused.push({ key, index, reason: `could not be merged with the stored entry (${issuesText(ok.error)}); the stored entry was kept` });
      return;
    }
    current.set(key, ok.data);
    touched.set(key, { report: m.report });
  });
  const summary: MergeSummary = { toPut: [], added: [], merged: [], unchanged: [], refused };
  for (const [key, t] of touched) {
    const e = current.get(key)!;
    const name = e.identity.name;
    const before = original.get(key);
    if (before === undefined) {
      summary.added.push({ key, name });
      summary.toPut.push(e);
    } else if (before === canon(e)) summary.unchanged.push({ key, name });
    else {
      summary.merged.push({ key, name, report: t.report });
      summary.toPut.push(e);
    }
  }
  return summary;
}

export type ImportResult = ({ ok: true } & Omit<MergeSummary, 'toPut'>) | { ok: false; error: string };

/** Parses, merges and writes an export into the store. A write that fails is reported as refused (nothing else is lost). */
export async function applyImport(store: HistoryStore, text: string): Promise<ImportResult> {
  const parsed = parseImport(text);
  if (!parsed.ok) return parsed;
  const keys = [...new Set(parsed.bundle.entries.map((e) => e.identity.key))];
  const existing = (await Promise.all(keys.map((k) => store.get(k)))).filter((e): e is HistoryEntry => e !== null);
  const { toPut, ...summary } = mergeImport(existing, parsed.bundle, parsed.refused);
  const failed = new Set<string>();
  for (const e of toPut) {
    try {
      await store.put(e);
    } catch (err) {
      failed.add(e.identity.key);
      summary.refused.push({ key: e.identity.key, reason: `could not be saved (${err instanceof Error ? err.message : String(err)})` });
    }
  }
  return {
    ok: true,
    added: summary.added.filter((a) => !failed.has(a.key)),
    merged: summary.merged.filter((m) => !failed.has(m.key)),
    unchanged: summary.unchanged,
    refused: summary.refused,
  };
}
