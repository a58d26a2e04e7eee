/**
 * The JSON export format (`vetter-export`, version 1): a header and the history entries (lib/history/schema.ts) as
 * stored, so that an export can be imported again (lib/export/import.ts) without loss. The zod schema is the source
 * of truth; docs/export-schema.json is generated from it (`npm run docs:export`) and docs/export.md explains it.
 *
 * Photo data: by default the perceptual hashes of profile photos (`phash`, `phashMirror`, `dhash`) are set to null in
 * the export (the photo URL, kind, size and date stay), because a hash identifies a face image across sites and the
 * person receiving the file rarely needs it. The face fingerprint (`face`: the 128-number face descriptor and the
 * face-crop pHash, biometric data) is left out entirely by default. `includePhotoData: true` (the user's explicit
 * choice: the report page's checkbox, default from Settings.exportDescriptors) keeps both.
 */
import { z } from 'zod';
import { version as packageVersion } from '../../package.json';
import { HistoryEntry, type PhotoFingerprint } from '../history/schema';

export const EXPORT_FORMAT = 'vetter-export';
export const EXPORT_VERSION = 1;
export const APP_VERSION: string = packageVersion;

export const ExportBundle = z
  .object({
    format: z.literal(EXPORT_FORMAT).describe('Always "vetter-export".'),
    version: z.literal(EXPORT_VERSION).describe('Version of this format; a reader refuses versions it does not know.'),
    exportedAt: z.string().datetime({ offset: true }).describe('When the file was written (ISO 8601).'),
    rulesetVersion: z.string().min(1).describe('Rule-set version of the exporting extension (each report also carries the version it was made with).'),
    appVersion: z.string().min(1).describe('Version of the exporting Vetter extension.'),
    includesPhotoData: z.boolean().describe('True when photo perceptual hashes and face fingerprints (face descriptor, face-crop hash) were kept (the user opted in); false when the hashes were set to null and the face fingerprints left out.'),
    entries: z.array(HistoryEntry).describe('One history entry per profile: identity, latest report (findings with evidence, indicator source and next step), dismissals with notes, verification, manager notes, photo and text fingerprints, contacts and changes.'),
  })
  .describe('Vetter export: flag summaries of one or more freelancer profiles. A triage aid, not a verdict.');
export type ExportBundle = z.infer<typeof ExportBundle>;

export interface BundleOptions {
  /** Keep photo perceptual hashes and face fingerprints (default false: hashes set to null, `face` left out). */
  includePhotoData?: boolean;
  /** Rule-set version of the running extension (default: the newest version among the entries' reports). */
  rulesetVersion?: string;
  appVersion?: string;
  now?: Date;
}

function stripPhoto(p: PhotoFingerprint): PhotoFingerprint {
  return { ...p, phash: null, phashMirror: null, dhash: null };
}

/**
 * The entry as exported (photo hashes and the face fingerprint stripped unless asked for); `buildBundle` validates
 * it, which also copies it.
 */
export function exportEntry(entry: HistoryEntry, includePhotoData = false): HistoryEntry {
  const e = entry;
  if (includePhotoData) return e;
  const out: HistoryEntry = { ...e, photo: e.photo && stripPhoto(e.photo), photos: e.photos.map(stripPhoto) };
  delete out.face;
  return out;
}

/** Newest of dotted version strings, compared numerically part by part. */
export function newestVersion(versions: string[]): string | null {
  const parts = (v: string) => v.split(/[.-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  let best: string | null = null;
  for (const v of versions) {
    if (best === null) {
      best = v;
      continue;
    }
    const a = parts(v);
    const b = parts(best);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = a[i] ?? 0;
      const y = b[i] ?? 0;
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number' ? x > y : String(x) > String(y)) best = v;
      break;
    }
  }
  return best;
}

export function buildBundle(entries: readonly HistoryEntry[], opts: BundleOptions = {}): ExportBundle {
  const includePhotoData = opts.includePhotoData ?? false;
  return ExportBundle.parse({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: (opts.now ?? new Date()).toISOString(),
    rulesetVersion: opts.rulesetVersion ?? newestVersion(entries.map((e) => e.report.rulesetVersion)) ?? 'unknown',
    appVersion: opts.appVersion ?? APP_VERSION,
    includesPhotoData: includePhotoData,
    entries: entries.map((e) => exportEntry(e, includePhotoData)),
  });
}

/** The JSON Schema of the export format, generated from the zod schema (docs/export-schema.json). */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://vetter.invalid/export-schema.json',
    title: 'Vetter export',
    ...z.toJSONSchema(ExportBundle, { target: 'draft-2020-12', io: 'output' }),
  };
}
