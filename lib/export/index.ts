/**
 * The export API for the popup, the details panel, the history and report pages: each function takes history
 * entries and returns a string; `fileName` names the file. See docs/export.md.
 */
import type { HistoryEntry } from '../history/schema';
import { buildBundle, type BundleOptions } from './bundle';

export { buildBundle, ExportBundle, EXPORT_FORMAT, EXPORT_VERSION, type BundleOptions } from './bundle';
export { exportCsv, parseCsv, CSV_COLUMNS } from './csv';
export { exportMarkdown } from './markdown';
export { applyImport, mergeImport, parseImport, type ImportResult } from './import';

/** The JSON export (pretty-printed), validated against `ExportBundle`. */
export function exportJson(entries: readonly HistoryEntry[], opts: BundleOptions = {}): string {
  return `${JSON.stringify(buildBundle(entries, opts), null, 2)}\n`;
}

export type ExportKind = 'json' | 'csv' | 'markdown';
export const EXTENSIONS: Record<ExportKind, string> = { json: 'json', csv: 'csv', markdown: 'md' };
export const MIME_TYPES: Record<ExportKind, string> = {
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  markdown: 'text/markdown;charset=utf-8',
};

/** A safe file-name part: ASCII letters, digits and hyphens, at most 40 characters. */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** `vetter-<name>-<date>.<ext>` for one profile, `vetter-<n>-profiles-<date>.<ext>` for several. */
export function fileName(kind: ExportKind, entries: readonly Pick<HistoryEntry, 'identity'>[], now: Date = new Date()): string {
  const date = now.toISOString().slice(0, 10);
  const one = entries.length === 1 ? entries[0]! : null;
  const who = one ? slug(one.identity.name ?? '') || slug(one.identity.key) || 'profile' : `${entries.length}-profiles`;
  return `vetter-${who}-${date}.${EXTENSIONS[kind]}`;
}
