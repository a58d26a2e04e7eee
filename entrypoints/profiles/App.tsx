import { useEffect, useMemo, useState } from 'react';
import { reportPath } from '@/lib/export/report-url';
import { PLATFORM_LABELS } from '@/lib/history/describe';
import type { HistoryEntry } from '@/lib/history/schema';
import type { SetAside } from '@/lib/history/store-types';
import { saveText } from '@/lib/export/download';
import type { HistoryStatus } from '@/lib/messages';
import { LEVELS } from '@/lib/report/schema';
import { t, tn } from '@/lib/i18n';
import { errorText, historyStatusText } from '@/lib/ui/history-status';
import { applyFilters, NO_FILTERS, reportHref, SORT_KEYS, sortEntries, type Filters, type Sort, type SortKey } from './filter';

export interface Loaded {
  entries: HistoryEntry[];
  setAside: SetAside[];
  /** The last check's history status (a check not saved because the storage is full is shown here too). */
  status?: HistoryStatus | null;
}

/** Every set-aside record as one JSON file, exactly as kept (nothing is locked away in the database). */
export function setAsideFile(records: SetAside[], now = new Date()): string {
  return JSON.stringify({ kind: 'vetter-set-aside', exportedAt: now.toISOString(), count: records.length, records }, null, 2);
}

const COLUMNS = SORT_KEYS;
const columnLabel = (k: SortKey) => t(`hist_col_${k}`);
const levelText = (l: string) => t(`level_${l}`);

/**
 * The history page (profiles.html; not `history/`: WXT would make an entrypoint named "history" replace the browser's
 * own history page): every checked profile, with filters and sorting; each row opens the full report. */
const flags = (e: HistoryEntry) => e.report.findings.filter((f) => f.severity !== 'info').length;

export function App({ load }: { load: () => Promise<Loaded> }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ text: string; unavailable: boolean } | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>({ key: 'lastSeen', dir: 'desc' });

  useEffect(() => {
    load().then(setData, (e: unknown) => setError({ text: errorText(e), unavailable: e instanceof Error && e.name === 'HistoryUnavailableError' }));
  }, [load]);

  const sites = useMemo(() => [...new Set((data?.entries ?? []).map((e) => e.identity.platform))].sort(), [data]);
  const rows = useMemo(() => sortEntries(applyFilters(data?.entries ?? [], filters), sort), [data, filters, sort]);
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const sortBy = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'name' || key === 'site' ? 'asc' : 'desc' }));

  return (
    <main>
      <h1>{t('hist_title')}</h1>
      <p className="note">{t('hist_note')}</p>
      {error && (
        <p role="alert" className="notice" data-testid="history-error">
          {error.unavailable ? error.text : t('hist_read_failed', error.text)}
        </p>
      )}
      {data?.status?.message && (data.status.state === 'full' || data.status.state === 'failed' || data.status.state === 'pruned') && (
        <p role="status" className="notice" data-testid="history-status" data-state={data.status.state}>
          {historyStatusText(data.status)} {t('hist_last_check', data.status.at.slice(0, 16).replace('T', ' '))}{' '}
          <a href="/options.html">{t('hist_settings_link')}</a>
        </p>
      )}
      {data && data.setAside.length > 0 && <SetAsideNotice records={data.setAside} />}
      <form className="filters" role="search" aria-label={t('hist_filter')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('hist_search')} <input type="search" value={filters.text} onChange={(e) => set('text', e.target.value)} placeholder={t('hist_search_ph')} />
        </label>
        <label>
          {t('hist_level')}{' '}
          <select value={filters.level} onChange={(e) => set('level', e.target.value as Filters['level'])}>
            <option value="all">{t('hist_all')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {levelText(l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hist_site')}{' '}
          <select value={filters.site} onChange={(e) => set('site', e.target.value as Filters['site'])}>
            <option value="all">{t('hist_all')}</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {PLATFORM_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hist_from')} <input type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          {t('hist_to')} <input type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <button type="button" onClick={() => setFilters(NO_FILTERS)}>
          {t('hist_clear')}
        </button>
      </form>
      {!data && !error && <p aria-live="polite">{t('hist_loading')}</p>}
      {data && (
        <>
          <p aria-live="polite" className="count">
            {tn('hist_count', data.entries.length, [rows.length])}
          </p>
          {rows.length > 0 && (
            <p className="exports">
              {t('hist_exports')}{' '}
              <a href={reportPath(rows.map((e) => e.identity.key))} data-testid="export-listed">
                {tn('hist_listed', rows.length)}
              </a>{' '}
              ·{' '}
              <a href={reportPath('all')} data-testid="export-all">
                {t('hist_whole')}
              </a>
            </p>
          )}
          <table>
            <caption className="sr-only">{t('hist_caption', columnLabel(sort.key).toLowerCase())}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col" aria-sort={sort.key === c ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="sort" onClick={() => sortBy(c)}>
                      {columnLabel(c)}
                    </button>
                  </th>
                ))}
                <th scope="col">{t('hist_col_verified')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.identity.key} data-key={e.identity.key}>
                  <th scope="row">
                    <a href={reportHref(e.identity.key)}>{e.identity.name ?? t('noNameRead')}</a>
                    {e.snapshot.headline && <div className="note">{e.snapshot.headline}</div>}
                  </th>
                  <td>
                    <a href={e.identity.url} target="_blank" rel="noopener noreferrer">
                      {PLATFORM_LABELS[e.identity.platform]}
                    </a>
                  </td>
                  <td>
                    <span className={`level level-${e.report.level}`} data-level={e.report.level}>
                      {levelText(e.report.level)}
                    </span>{' '}
                    <span className="note">({flags(e) === 1 ? t('flagsOne') : t('flagsMany', flags(e))})</span>
                  </td>
                  <td>
                    <time dateTime={e.lastSeen}>{e.lastSeen.slice(0, 10)}</time>
                  </td>
                  <td>{e.checks}</td>
                  <td>{e.verified ? <span title={e.verified.note}>{t('rep_verified_yes', e.verified.at.slice(0, 10))}</span> : t('rep_verified_no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.entries.length === 0 && <p>{t('hist_empty')}</p>}
        </>
      )}
    </main>
  );
}

function SetAsideNotice({ records }: { records: SetAside[] }) {
  const unreadable = records.filter((r) => r.kind !== 'migrated');
  const migrated = records.filter((r) => r.kind === 'migrated');
  return (
    <div role="status" className="notice" data-testid="set-aside">
      {unreadable.length > 0 && (
        <p>
          <strong>{tn('hist_unreadable', unreadable.length)}</strong>
        </p>
      )}
      {migrated.length > 0 && (
        <p>
          {tn('hist_migrated', migrated.length)}
        </p>
      )}
      <ul>
        {records.slice(0, 20).map((s, i) => (
          <li key={i}>
            <code>{s.key}</code>: {s.reason} ({s.at.slice(0, 10) || t('hist_date_unknown')})
          </li>
        ))}
        {records.length > 20 && <li>{t('hist_more', records.length - 20)}</li>}
      </ul>
      <button type="button" data-testid="export-set-aside" onClick={() => saveText(setAsideFile(records), 'vetter-set-aside.json', 'application/json')}>
        {t('hist_download_aside')}
      </button>
    </div>
  );
}
