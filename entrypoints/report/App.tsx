/**
 * The full report page (report.html?key=<profileKey>, ?key=a&key=b, ?keys=a,b or ?all=1): every finding with its
 * evidence, official source, next step and the manager's dismissal; verification and notes; for one profile, "Your
 * evidence" (the manager's notes, saved and applied to the findings at once, see Evidence.tsx); exports (JSON, CSV,
 * Markdown, clipboard), printing (the browser's "Save as PDF") and importing a JSON export.
 * Page text is rendered by React as text only; links are shown only for http(s) URLs.
 */
import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import { CHECKLIST_ITEMS } from '@/lib/notes/schema';
import { DISCLAIMER, dismissalFor, platformName, safeHttpUrl } from '@/lib/export/common';
import { copyText, saveExport } from '@/lib/export/download';
import { applyImport, type ImportResult } from '@/lib/export/import';
import { exportCsv, exportJson, exportMarkdown, type ExportKind } from '@/lib/export/index';
import { CHECKLIST_LABELS } from '@/lib/export/markdown';
import { parseSelection, reportPath } from '@/lib/export/report-url';
import type { HistoryEntry } from '@/lib/history/schema';
import type { HistoryStore, SetAside } from '@/lib/history/store-types';
import type { HistoryStatus } from '@/lib/messages';
import { CATEGORIES, type Finding, type Level } from '@/lib/report/schema';
import { RULESET_VERSION } from '@/lib/rules';
import { SOURCES } from '@/lib/rules/sources';
import type { ManagerNotes } from '@/lib/notes/schema';
import type { Report } from '@/lib/report/schema';
import { Evidence, type Reanalyze } from './Evidence';

export interface AppProps {
  openStore: () => Promise<HistoryStore>;
  search: string;
  appVersion?: string;
  /** The user's setting for including photo fingerprints in exports (the checkbox's initial state). */
  photoDataDefault?: () => Promise<boolean>;
  /** Re-runs the rules on a stored profile with its saved notes (the background's 'vetter:reanalyze'). */
  reanalyze?: Reanalyze;
  /** Wait after the last notes change before saving (ms). */
  notesSaveDelayMs?: number;
  /** The last check's history status (lib/history/store-status.ts): why a profile just checked may not be stored. */
  historyStatus?: () => Promise<HistoryStatus | null>;
  io?: {
    save: (kind: ExportKind, text: string, entries: readonly HistoryEntry[]) => string;
    copy: (text: string) => Promise<unknown>;
    print: () => void;
  };
}

/** A Vetter export of 1,000 profiles is about 15 MB. */
const MAX_IMPORT_BYTES = 200e6;

const LEVEL_TEXT: Record<Level, string> = { none: 'No flags', low: 'Low', medium: 'Medium', high: 'High' };
const date = (iso: string) => iso.slice(0, 10);
const flagCount = (e: HistoryEntry) => e.report.findings.filter((f) => f.severity !== 'info').length;

const defaultIo: NonNullable<AppProps['io']> = {
  save: (kind, text, entries) => saveExport(kind, text, entries),
  copy: (text) => copyText(text),
  print: () => window.print(),
};

type Loaded = { entries: HistoryEntry[]; missing: string[]; aside: SetAside[] };

function ExternalLink({ href, children }: { href: string; children: React.ReactNode }) {
  const safe = safeHttpUrl(href);
  if (!safe) return <span className="url">{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function FindingView({ entry, f }: { entry: HistoryEntry; f: Finding }) {
  const d = dismissalFor(entry, f);
  const source = SOURCES[f.indicator.source];
  return (
    <article className={`finding${d ? ' dismissed' : ''}`} data-rule-id={f.ruleId} data-severity={f.severity}>
      <h4>
        <span className={`sev sev-${f.severity}`}>{f.severity}</span> {f.title}
        {d && <span className="tag"> (dismissed)</span>}
      </h4>
      <p>{f.explanation}</p>
      {f.evidence.length > 0 && (
        <>
          <p className="label">Seen on the profile:</p>
          <ul className="evidence">
            {f.evidence.map((e, i) => (
              <li key={i}>
                <code>{e.field}</code>: “{e.excerpt}”
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="source">
        Source: <ExternalLink href={f.indicator.url}>{source?.title ?? f.indicator.source}</ExternalLink>{' '}
        <span className="url print-only">({f.indicator.url})</span>
      </p>
      <p className="next">
        <strong>Verify next:</strong> {f.nextStep}
      </p>
      {d && (
        <p className="dismissal">
          Dismissed by the manager on {date(d.at)}
          {d.note ? `: ${d.note}` : ''}
        </p>
      )}
    </article>
  );
}

function NotesView({ entry }: { entry: HistoryEntry }) {
  const n = entry.notes;
  if (!n) return null;
  const answered = CHECKLIST_ITEMS.filter((i) => n.checklist[i] && n.checklist[i]!.answer !== 'unknown');
  if (!answered.length && !n.shippingAddress && !n.pasted.length && !n.comment.trim() && !n.previousAddresses.length) return null;
  return (
    <section className="notes" aria-label="Manager's notes">
      <h3>Manager&apos;s notes</h3>
      <ul>
        {answered.map((i) => (
          <li key={i} data-answer={n.checklist[i]!.answer}>
            {n.checklist[i]!.answer === 'concern' ? 'Concern' : 'Checked, no concern'}: {CHECKLIST_LABELS[i]}
            {n.checklist[i]!.note ? ` (${n.checklist[i]!.note})` : ''}
          </li>
        ))}
        {n.shippingAddress && <li>Shipping address: {n.shippingAddress}</li>}
        {n.previousAddresses.length > 0 && <li>Earlier shipping addresses: {n.previousAddresses.join('; ')}</li>}
        {n.pasted.length > 0 && (
          <li>
            Pasted texts: {n.pasted.length} ({n.pasted.map((p) => `${p.kind}, ${date(p.addedAt)}`).join('; ')})
          </li>
        )}
        {n.comment.trim() && <li>Comment: {n.comment}</li>}
      </ul>
      <p className="meta">Notes last changed {date(n.updatedAt)}.</p>
    </section>
  );
}

function EntryView({ entry, showPhoto }: { entry: HistoryEntry; showPhoto: boolean }) {
  const r = entry.report;
  const name = entry.identity.name ?? r.name ?? '(no name read)';
  const n = flagCount(entry);
  const photoUrl = safeHttpUrl(entry.photo?.url ?? entry.snapshot.photoUrl ?? '');
  const headingId = useId();
  return (
    <section className="entry" aria-labelledby={headingId} data-key={entry.identity.key} data-level={r.level}>
      <h2 id={headingId}>
        {name}: <span className={`level level-${r.level}`}>{LEVEL_TEXT[r.level]}</span>{' '}
        <span className="count">
          ({n} flag{n === 1 ? '' : 's'})
        </span>
      </h2>
      {showPhoto && photoUrl && <img className="thumb" src={photoUrl} alt={`Profile photo of ${name} as shown on the site`} referrerPolicy="no-referrer" width={96} height={96} />}
      <dl className="facts">
        <dt>Site</dt>
        <dd>{platformName(entry.identity.platform)}</dd>
        <dt>Profile</dt>
        <dd>
          <ExternalLink href={entry.identity.url}>{entry.identity.url}</ExternalLink>
        </dd>
        <dt>Checked</dt>
        <dd>
          {date(r.createdAt)} (first seen {date(entry.firstSeen)}, {entry.checks} check{entry.checks === 1 ? '' : 's'}; rule set {r.rulesetVersion})
        </dd>
        <dt>Verified</dt>
        <dd className="verified">{entry.verified ? `Yes, ${date(entry.verified.at)}${entry.verified.note ? `: ${entry.verified.note}` : ''}` : 'No'}</dd>
      </dl>
      <p className="why">
        <strong>Why this level:</strong> {r.levelReason}
      </p>
      {r.missing.length > 0 && <p className="partial">Partial read: not found on the page: {r.missing.join(', ')}.</p>}
      {r.findings.length === 0 && <p>No flags on this profile.</p>}
      {CATEGORIES.map((cat) => {
        const fs = r.findings.filter((f) => f.category === cat);
        if (!fs.length) return null;
        return (
          <section key={cat} className="category" aria-label={`${cat} findings`}>
            <h3>{cat[0]!.toUpperCase() + cat.slice(1)}</h3>
            {fs.map((f, i) => (
              <FindingView key={`${f.ruleId}-${i}`} entry={entry} f={f} />
            ))}
          </section>
        );
      })}
      <NotesView entry={entry} />
    </section>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  if (!result.ok) return <p role="alert">{result.error}</p>;
  const who = (x: { key: string; name: string | null }) => (x.name ? `${x.name} (${x.key})` : x.key);
  return (
    <div className="import-summary" data-testid="import-summary">
      <p>
        Import: {result.added.length} added, {result.merged.length} merged, {result.unchanged.length} already up to date, {result.refused.length} refused.
      </p>
      {result.added.length + result.merged.length > 0 && (
        <p>
          <a href={reportPath([...result.added, ...result.merged].map((x) => x.key))}>Show the imported profiles</a>
        </p>
      )}
      <ul>
        {result.added.map((a) => (
          <li key={`a-${a.key}`}>Added: {who(a)}</li>
        ))}
        {result.merged.map((m) => (
          <li key={`m-${m.key}`}>
            Merged: {who(m)} (kept the {m.report === 'imported' ? "file's newer report" : 'newer report already here'}; dismissals, notes and other data from both kept)
          </li>
        ))}
        {result.refused.map((r, i) => (
          <li key={`r-${i}`} className="refused">
            Refused{r.key ? `: ${r.key}` : ''}: {r.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function App({ openStore, search, appVersion, photoDataDefault, reanalyze, notesSaveDelayMs, historyStatus, io = defaultIo }: AppProps) {
  const [lastStatus, setLastStatus] = useState<HistoryStatus | null>(null);
  useEffect(() => {
    historyStatus?.().then(setLastStatus, () => undefined);
  }, [historyStatus]);
  const selection = parseSelection(search);
  const [store, setStore] = useState<HistoryStore | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [showPhoto, setShowPhoto] = useState(false);
  const [photoData, setPhotoData] = useState(false);
  const [importResult, setImportResult] = useState<ImportResult | null>(null);
  const fileInputId = useId();
  const selKey = JSON.stringify(selection);

  const load = useCallback(
    async (s: HistoryStore): Promise<Loaded> => {
      const sel = JSON.parse(selKey) as ReturnType<typeof parseSelection>;
      const aside = await s.setAside();
      if (sel.kind === 'all') return { entries: await s.list(), missing: [], aside };
      if (sel.kind === 'none') return { entries: [], missing: [], aside };
      const got = await Promise.all(sel.keys.map((k) => s.get(k)));
      return { entries: got.filter((e): e is HistoryEntry => e !== null), missing: sel.keys.filter((_, i) => !got[i]), aside };
    },
    [selKey],
  );

  useEffect(() => {
    let live = true;
    openStore()
      .then(async (s) => {
        const l = await load(s);
        if (!live) return;
        setStore(s);
        setLoaded(l);
      })
      .catch((e: unknown) => live && setError(`The history could not be opened (${e instanceof Error ? e.message : String(e)}).`));
    photoDataDefault?.()
      .then((v) => live && setPhotoData(v))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [openStore, load, photoDataDefault]);

  useEffect(() => {
    const es = loaded?.entries ?? [];
    document.title = es.length === 1 ? `Vetter report: ${es[0]!.identity.name ?? es[0]!.identity.key}` : `Vetter report${es.length ? `: ${es.length} profiles` : ''}`;
  }, [loaded]);

  const entries = loaded?.entries ?? [];
  const doExport = (kind: ExportKind) => {
    try {
      const text =
        kind === 'json'
          ? exportJson(entries, { includePhotoData: photoData, rulesetVersion: RULESET_VERSION, appVersion })
          : kind === 'csv'
            ? exportCsv(entries)
            : exportMarkdown(entries);
      const name = io.save(kind, text, entries);
      setStatus(`Saved ${name}.`);
    } catch (e) {
      setStatus(`The export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const doCopy = async () => {
    try {
      await io.copy(exportMarkdown(entries));
      setStatus('The Markdown summary is on the clipboard.');
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  const onImport = async (ev: ChangeEvent<HTMLInputElement>) => {
    const input = ev.currentTarget;
    const file = input.files?.[0];
    if (!file || !store) return;
    setStatus(`Importing ${file.name}…`);
    let result: ImportResult;
    try {
      if (file.size > MAX_IMPORT_BYTES)
        throw new Error(`${file.name} is ${Math.round(file.size / 1e6)} MB; Vetter imports files up to ${MAX_IMPORT_BYTES / 1e6} MB`);
      result = await applyImport(store, await file.text());
    } catch (e) {
      result = { ok: false, error: `The import failed (${e instanceof Error ? e.message : String(e)}). Nothing else was changed.` };
    }
    input.value = '';
    setImportResult(result);
    setStatus(result.ok ? `Imported ${file.name}.` : `${file.name} was not imported.`);
    setLoaded(await load(store));
  };

  const onUpdated = (key: string, patch: { notes?: ManagerNotes; report?: Report }) =>
    setLoaded((l) => l && { ...l, entries: l.entries.map((e) => (e.identity.key === key ? { ...e, ...patch } : e)) });

  const none = entries.length === 0;
  const single = selection.kind === 'keys' && entries.length === 1 ? entries[0]! : null;
  return (
    <>
      <header>
        <h1>Vetter flag report</h1>
        <p className="meta">
          {loaded ? `${entries.length} profile${entries.length === 1 ? '' : 's'}` : 'Loading…'} · report made {new Date().toISOString().slice(0, 10)}
          {appVersion ? ` by Vetter ${appVersion}` : ''}
        </p>
      </header>
      <nav className="toolbar no-print" aria-label="Export, print and import">
        <button type="button" onClick={() => doExport('json')} disabled={none}>
          Export JSON
        </button>
        <button type="button" onClick={() => doExport('csv')} disabled={none}>
          Export CSV
        </button>
        <button type="button" onClick={() => doExport('markdown')} disabled={none}>
          Export Markdown
        </button>
        <button type="button" onClick={doCopy} disabled={none}>
          Copy Markdown
        </button>
        <button type="button" onClick={() => io.print()} disabled={none}>
          Print
        </button>
        <label className="file-button" htmlFor={fileInputId}>
          Import…
        </label>
        <input id={fileInputId} className="file-input" type="file" accept="application/json,.json" onChange={onImport} disabled={!store} aria-label="Import a Vetter JSON export" />
        <div className="options">
          <label>
            <input type="checkbox" checked={showPhoto} onChange={(e) => setShowPhoto(e.currentTarget.checked)} /> Include photo thumbnail (loads the
            image from the site)
          </label>
          <label>
            <input type="checkbox" checked={photoData} onChange={(e) => setPhotoData(e.currentTarget.checked)} /> Include photo fingerprints and face
            descriptors in the JSON export
          </label>
        </div>
      </nav>
      <div className="no-print" role="status" aria-live="polite" data-testid="status">
        {status}
      </div>
      {importResult && (
        <div className="no-print">
          <ImportSummary result={importResult} />
        </div>
      )}
      <main>
        {error && <p role="alert">{error}</p>}
        {loaded && loaded.aside.length > 0 && (
          <p role="alert" className="notice" data-testid="set-aside">
            {loaded.aside.length} stored record{loaded.aside.length === 1 ? '' : 's'} could not be read and {loaded.aside.length === 1 ? 'was' : 'were'} set aside
            (kept, not deleted): {loaded.aside.map((a) => `${a.key} (${a.reason})`).join('; ')}.
          </p>
        )}
        {loaded && loaded.missing.length > 0 && (
          <p role="alert" className="notice" data-testid="missing">
            No stored check for {loaded.missing.join(', ')}. The profile may never have been checked in this browser, or its history was deleted. Check the
            profile again, or import a Vetter export that contains it.
            {lastStatus?.message && loaded.missing.includes(lastStatus.key) && lastStatus.state !== 'saved' && (
              <>
                {' '}
                <span data-testid="history-status" data-state={lastStatus.state}>
                  {lastStatus.message}
                </span>{' '}
                <a href="/options.html">Settings</a>
              </>
            )}
          </p>
        )}
        {loaded && selection.kind === 'none' && <p>No profile chosen. Open this page from the popup, a badge or the history, or import a Vetter export.</p>}
        {loaded && selection.kind === 'all' && none && <p>The history is empty. Check a profile, or import a Vetter export.</p>}
        {entries.map((e) => (
          <EntryView key={e.identity.key} entry={e} showPhoto={showPhoto} />
        ))}
        {single && store && (
          <Evidence key={single.identity.key} entry={single} store={store} reanalyze={reanalyze} onUpdated={onUpdated} saveDelayMs={notesSaveDelayMs} />
        )}
      </main>
      <footer>
        <p>{DISCLAIMER}</p>
      </footer>
    </>
  );
}
