/**
 * The full report page (report.html?key=<profileKey>, ?key=a&key=b, ?keys=a,b or ?all=1): every finding with its
 * evidence, official source, next step and the manager's dismissal; verification and notes; for one profile, "Your
 * evidence" (the manager's notes, saved and applied to the findings at once, see Evidence.tsx); exports (JSON, CSV,
 * Markdown, clipboard), printing (the browser's "Save as PDF") and importing a JSON export.
 * Page text is rendered by React as text only; links are shown only for http(s) URLs.
 */
import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import { CHECKLIST_ITEMS } from '@/lib/notes/schema';
import { dismissalFor, platformName, safeHttpUrl } from '@/lib/export/common';
import { copyText, saveExport } from '@/lib/export/download';
import { applyImport, type ImportResult } from '@/lib/export/import';
import { exportCsv, exportJson, exportMarkdown, type ExportKind } from '@/lib/export/index';
import { checklistLong, pasteKindText } from '@/lib/notes/labels';
import { t, tn } from '@/lib/i18n';
import { findingText } from '@/lib/ui/finding-text';
import { levelReasonText } from '@/lib/ui/level-reason';
import { errorText, historyStatusText } from '@/lib/ui/history-status';
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

const levelText = (l: Level) => t(`level_${l}`);
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
        <span className={`sev sev-${f.severity}`}>{t(`sev_${f.severity}`)}</span> {findingText(f, 'title')}
        {d && <span className="tag"> {t('rep_dismissed_tag')}</span>}
      </h4>
      <p>{findingText(f, 'explanation')}</p>
      {f.evidence.length > 0 && (
        <>
          <p className="label">{t('rep_seen')}</p>
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
        {t('rep_source')} <ExternalLink href={f.indicator.url}>{source?.title ?? f.indicator.source}</ExternalLink>{' '}
        <span className="url print-only">({f.indicator.url})</span>
      </p>
      <p className="next">
        <strong>{t('verifyNext')}</strong> {findingText(f, 'nextStep')}
      </p>
      {d && (
        <p className="dismissal">{d.note ? t('dismissedOnNote', [date(d.at), d.note]) : t('dismissedOn', date(d.at))}</p>
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
    <section className="notes" aria-label={t('rep_notes')}>
      <h3>{t('rep_notes')}</h3>
      <ul>
        {answered.map((i) => (
          <li key={i} data-answer={n.checklist[i]!.answer}>
            {t(n.checklist[i]!.answer === 'concern' ? 'rep_ans_concern' : 'rep_ans_no_concern', checklistLong(i))}
            {n.checklist[i]!.note ? ` (${n.checklist[i]!.note})` : ''}
          </li>
        ))}
        {n.shippingAddress && <li>{t('rep_shipping', n.shippingAddress)}</li>}
        {n.previousAddresses.length > 0 && <li>{t('rep_prev_addresses', n.previousAddresses.join('; '))}</li>}
        {n.pasted.length > 0 && (
          <li>{t('rep_pasted', [n.pasted.length, n.pasted.map((p) => `${pasteKindText(p.kind)}, ${date(p.addedAt)}`).join('; ')])}</li>
        )}
        {n.comment.trim() && <li>{t('rep_comment', n.comment)}</li>}
      </ul>
      <p className="meta">{t('rep_notes_changed', date(n.updatedAt))}</p>
    </section>
  );
}

function EntryView({ entry, showPhoto }: { entry: HistoryEntry; showPhoto: boolean }) {
  const r = entry.report;
  const name = entry.identity.name ?? r.name ?? t('noNameRead');
  const n = flagCount(entry);
  const photoUrl = safeHttpUrl(entry.photo?.url ?? entry.snapshot.photoUrl ?? '');
  const headingId = useId();
  return (
    <section className="entry" aria-labelledby={headingId} data-key={entry.identity.key} data-level={r.level}>
      <h2 id={headingId}>
        {name}: <span className={`level level-${r.level}`}>{levelText(r.level)}</span>{' '}
        <span className="count">({n === 1 ? t('flagsOne') : t('flagsMany', n)})</span>
      </h2>
      {showPhoto && photoUrl && <img className="thumb" src={photoUrl} alt={t('rep_photo_alt', name)} referrerPolicy="no-referrer" width={96} height={96} />}
      <dl className="facts">
        <dt>{t('rep_site')}</dt>
        <dd>{platformName(entry.identity.platform)}</dd>
        <dt>{t('rep_profile')}</dt>
        <dd>
          <ExternalLink href={entry.identity.url}>{entry.identity.url}</ExternalLink>
        </dd>
        <dt>{t('rep_checked')}</dt>
        <dd>{tn('rep_checked_detail', entry.checks, [date(r.createdAt), date(entry.firstSeen), r.rulesetVersion])}</dd>
        <dt>{t('rep_verified')}</dt>
        <dd className="verified">
          {entry.verified
            ? entry.verified.note
              ? t('rep_verified_yes_note', [date(entry.verified.at), entry.verified.note])
              : t('rep_verified_yes', date(entry.verified.at))
            : t('rep_verified_no')}
        </dd>
      </dl>
      <p className="why">{t('whyLevel', levelReasonText(r))}</p>
      {r.missing.length > 0 && <p className="partial">{t('missingFields', r.missing.join(', '))}</p>}
      {r.findings.length === 0 && <p>{t('noFindings')}</p>}
      {CATEGORIES.map((cat) => {
        const fs = r.findings.filter((f) => f.category === cat);
        if (!fs.length) return null;
        return (
          <section key={cat} className="category" data-category={cat} aria-label={t('rep_findings_of', t(`cat_${cat}`))}>
            <h3>{t(`cat_${cat}`)}</h3>
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
      <p>{t('rep_import_summary', [result.added.length, result.merged.length, result.unchanged.length, result.refused.length])}</p>
      {result.added.length + result.merged.length > 0 && (
        <p>
          <a href={reportPath([...result.added, ...result.merged].map((x) => x.key))}>{t('rep_show_imported')}</a>
        </p>
      )}
      <ul>
        {result.added.map((a) => (
          <li key={`a-${a.key}`}>{t('rep_added', who(a))}</li>
        ))}
        {result.merged.map((m) => (
          <li key={`m-${m.key}`}>{t(m.report === 'imported' ? 'rep_merged_file' : 'rep_merged_here', who(m))}</li>
        ))}
        {result.refused.map((r, i) => (
          <li key={`r-${i}`} className="refused">
            {r.key ? t('rep_refused_key', [r.key, r.reason]) : t('rep_refused', r.reason)}
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
      .catch((e: unknown) => live && setError(e instanceof Error && e.name === 'HistoryUnavailableError' ? errorText(e) : t('rep_open_failed', errorText(e))));
    photoDataDefault?.()
      .then((v) => live && setPhotoData(v))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [openStore, load, photoDataDefault]);

  useEffect(() => {
    const es = loaded?.entries ?? [];
    document.title = es.length === 1 ? t('rep_doc_title_one', es[0]!.identity.name ?? es[0]!.identity.key) : es.length ? t('rep_doc_title_many', es.length) : t('rep_doc_title');
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
      setStatus(t('rep_saved_file', name));
    } catch (e) {
      setStatus(t('rep_export_failed', e instanceof Error ? e.message : String(e)));
    }
  };
  const doCopy = async () => {
    try {
      await io.copy(exportMarkdown(entries));
      setStatus(t('rep_copied'));
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  const onImport = async (ev: ChangeEvent<HTMLInputElement>) => {
    const input = ev.currentTarget;
    const file = input.files?.[0];
    if (!file || !store) return;
    setStatus(t('rep_importing', file.name));
    let result: ImportResult;
    try {
      if (file.size > MAX_IMPORT_BYTES)
        throw new Error(t('rep_import_too_big', [file.name, Math.round(file.size / 1e6), MAX_IMPORT_BYTES / 1e6]));
      result = await applyImport(store, await file.text());
    } catch (e) {
      result = { ok: false, error: t('rep_import_failed', e instanceof Error ? e.message : String(e)) };
    }
    input.value = '';
    setImportResult(result);
    setStatus(t(result.ok ? 'rep_imported' : 'rep_not_imported', file.name));
    setLoaded(await load(store));
  };

  const onUpdated = (key: string, patch: { notes?: ManagerNotes; report?: Report }) =>
    setLoaded((l) => l && { ...l, entries: l.entries.map((e) => (e.identity.key === key ? { ...e, ...patch } : e)) });

  const none = entries.length === 0;
  const single = selection.kind === 'keys' && entries.length === 1 ? entries[0]! : null;
  return (
    <>
      <header>
        <h1>{t('rep_title')}</h1>
        <p className="meta">
          {loaded ? tn('rep_profiles', entries.length) : t('rep_loading')} ·{' '}
          {appVersion ? t('rep_made_by', [new Date().toISOString().slice(0, 10), appVersion]) : t('rep_made', new Date().toISOString().slice(0, 10))}
        </p>
      </header>
      <nav className="toolbar no-print" aria-label={t('rep_toolbar')}>
        <button type="button" onClick={() => doExport('json')} disabled={none}>
          {t('rep_export_json')}
        </button>
        <button type="button" onClick={() => doExport('csv')} disabled={none}>
          {t('rep_export_csv')}
        </button>
        <button type="button" onClick={() => doExport('markdown')} disabled={none}>
          {t('rep_export_md')}
        </button>
        <button type="button" onClick={doCopy} disabled={none}>
          {t('rep_copy_md')}
        </button>
        <button type="button" onClick={() => io.print()} disabled={none}>
          {t('rep_print')}
        </button>
        <label className="file-button" htmlFor={fileInputId}>
          {t('rep_import')}
        </label>
        <input id={fileInputId} className="file-input" type="file" accept="application/json,.json" onChange={onImport} disabled={!store} aria-label={t('rep_import_label')} />
        <div className="options">
          <label>
            <input type="checkbox" checked={showPhoto} onChange={(e) => setShowPhoto(e.currentTarget.checked)} /> {t('rep_show_photo')}
          </label>
          <label>
            <input type="checkbox" checked={photoData} onChange={(e) => setPhotoData(e.currentTarget.checked)} /> {t('rep_photo_data')}
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
            {tn('rep_set_aside', loaded.aside.length, [loaded.aside.map((a) => `${a.key} (${a.reason})`).join('; ')])}
          </p>
        )}
        {loaded && loaded.missing.length > 0 && (
          <p role="alert" className="notice" data-testid="missing">
            {t('rep_missing', loaded.missing.join(', '))}
            {lastStatus?.message && loaded.missing.includes(lastStatus.key) && lastStatus.state !== 'saved' && (
              <>
                {' '}
                <span data-testid="history-status" data-state={lastStatus.state}>
                  {historyStatusText(lastStatus)}
                </span>{' '}
                <a href="/options.html">{t('settings')}</a>
              </>
            )}
          </p>
        )}
        {loaded && selection.kind === 'none' && <p>{t('rep_none_chosen')}</p>}
        {loaded && selection.kind === 'all' && none && <p>{t('rep_history_empty')}</p>}
        {entries.map((e) => (
          <EntryView key={e.identity.key} entry={e} showPhoto={showPhoto} />
        ))}
        {single && store && (
          <Evidence key={single.identity.key} entry={single} store={store} reanalyze={reanalyze} onUpdated={onUpdated} saveDelayMs={notesSaveDelayMs} />
        )}
      </main>
      <footer>
        <p>{t('rep_disclaimer')}</p>
      </footer>
    </>
  );
}
