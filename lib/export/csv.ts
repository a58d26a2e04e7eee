/**
 * CSV export: one row per finding (a profile without findings gets one row with the finding columns empty, so every
 * exported profile appears). Written with papaparse; RFC 4180 quoting (commas, quotes, newlines), CRLF line ends,
 * UTF-8 with a byte-order mark so that spreadsheet programs read accents correctly.
 *
 * Formula injection (OWASP "CSV Injection"): a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * gets a leading apostrophe so that a spreadsheet shows it as text instead of running it. A cell that itself starts
 * with an apostrophe gets one more, so that the rule can be undone exactly: `parseCsv` removes one leading apostrophe
 * from every cell that starts with one.
 */
import Papa from 'papaparse';
import type { HistoryEntry } from '../history/schema';
import { dismissalFor, platformName } from './common';

export const CSV_COLUMNS = [
  'profile',
  'site',
  'url',
  'profile key',
  'level',
  'category',
  'severity',
  'title',
  'explanation',
  'evidence',
  'source',
  'source url',
  'next step',
  'dismissed',
  'dismissal note',
  'verified',
  'verification note',
  'checked at',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRow = Record<CsvColumn, string>;

/** Cells that a spreadsheet could run as a formula (and the apostrophe itself, to keep the rule reversible). */
const NEEDS_APOSTROPHE = /^[=+\-@\t\r']/;

export function neutralizeCell(s: string): string {
  return NEEDS_APOSTROPHE.test(s) ? `'${s}` : s;
}

export function restoreCell(s: string): string {
  return s.startsWith("'") ? s.slice(1) : s;
}

/** The rows (plain values, before neutralizing), in column order. */
export function csvRows(entries: readonly HistoryEntry[]): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const e of entries) {
    const base = {
      profile: e.identity.name ?? e.report.name ?? '',
      site: platformName(e.identity.platform),
      url: e.identity.url,
      'profile key': e.identity.key,
      level: e.report.level,
      verified: e.verified ? 'yes' : 'no',
      'verification note': e.verified?.note ?? '',
      'checked at': e.report.createdAt,
    };
    const empty = { category: '', severity: '', title: '', explanation: '', evidence: '', source: '', 'source url': '', 'next step': '', dismissed: '', 'dismissal note': '' };
    if (e.report.findings.length === 0) rows.push({ ...base, ...empty });
    for (const f of e.report.findings) {
      const d = dismissalFor(e, f);
      rows.push({
        ...base,
        category: f.category,
        severity: f.severity,
        title: f.title,
        explanation: f.explanation,
        evidence: f.evidence.map((x) => `${x.field}: ${x.excerpt}`).join('\n'),
        source: f.indicator.source,
        'source url': f.indicator.url,
        'next step': f.nextStep,
        dismissed: d ? 'yes' : 'no',
        'dismissal note': d?.note ?? '',
      });
    }
  }
  return rows;
}

export function exportCsv(entries: readonly HistoryEntry[]): string {
  const data = csvRows(entries).map((r) => CSV_COLUMNS.map((c) => neutralizeCell(r[c])));
  return `\ufeff${Papa.unparse({ fields: [...CSV_COLUMNS], data }, { newline: '\r\n', quotes: false, escapeFormulae: false })}\r\n`;
}

/** Reads a Vetter CSV back into rows (undoing the apostrophe rule). Throws on malformed CSV or unknown columns. */
export function parseCsv(text: string): CsvRow[] {
  const res = Papa.parse<string[]>(text, { skipEmptyLines: true });
  if (res.errors.length) throw new Error(`CSV: ${res.errors.map((e) => `row ${e.row ?? '?'}: ${e.message}`).join('; ')}`);
  const [header, ...body] = res.data;
  if (!header || header.join(',') !== CSV_COLUMNS.join(',')) throw new Error('CSV: the header is not the Vetter export header');
  return body.map((cells) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, restoreCell(cells[i] ?? '')])) as CsvRow);
}
