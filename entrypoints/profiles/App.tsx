import { useEffect, useMemo, useState } from 'react';
import { reportPath } from '@/lib/export/report-url';
import { PLATFORM_LABELS } from '@/lib/history/describe';
import type { HistoryEntry } from '@/lib/history/schema';
import type { SetAside } from '@/lib/history/store-types';
import { saveText } from '@/lib/export/download';
import type { HistoryStatus } from '@/lib/messages';
import { LEVELS } from '@/lib/report/schema';
import { applyFilters, NO_FILTERS, reportHref, sortEntries, type Filters, type Sort, type SortKey } from './filter';

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

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'site', label: 'Site' },
  { key: 'level', label: 'Level' },
  { key: 'lastSeen', label: 'Last checked' },
  { key: 'checks', label: 'Checks' },
];

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/**
 * The history page (profiles.html; not `history/`: WXT would make an entrypoint named "history" replace the browser's
 * own history page): every checked profile, with filters and sorting; each row opens the full report. */
export function App({ load }: { load: () => Promise<Loaded> }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>({ key: 'lastSeen', dir: 'desc' });

  useEffect(() => {
    load().then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [load]);

  const sites = useMemo(() => [...new Set((data?.entries ?? []).map((e) => e.identity.platform))].sort(), [data]);
  const rows = useMemo(() => sortEntries(applyFilters(data?.entries ?? [], filters), sort), [data, filters, sort]);
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  const sortBy = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'name' || key === 'site' ? 'asc' : 'desc' }));

  return (
    <main>
      <h1>Checked profiles</h1>
      <p className="note">Everything here is stored only in this browser. A level is a reason to verify, never a verdict.</p>
      {error && (
        <p role="alert" className="notice" data-testid="history-error">
          {/^History unavailable/.test(error) ? error : `The history could not be read: ${error}`}
        </p>
      )}
      {data?.status?.message && (data.status.state === 'full' || data.status.state === 'failed' || data.status.state === 'pruned') && (
        <p role="status" className="notice" data-testid="history-status" data-state={data.status.state}>
          {data.status.message} (last check, {data.status.at.slice(0, 16).replace('T', ' ')}){' '}
          <a href="/options.html">Settings: how long history is kept</a>
        </p>
      )}
      {data && data.setAside.length > 0 && <SetAsideNotice records={data.setAside} />}
      <form className="filters" role="search" aria-label="Filter checked profiles" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search <input type="search" value={filters.text} onChange={(e) => set('text', e.target.value)} placeholder="name, headline, flag…" />
        </label>
        <label>
          Level{' '}
          <select value={filters.level} onChange={(e) => set('level', e.target.value as Filters['level'])}>
            <option value="all">All</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {cap(l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Site{' '}
          <select value={filters.site} onChange={(e) => set('site', e.target.value as Filters['site'])}>
            <option value="all">All</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {PLATFORM_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label>
          To <input type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
        </label>
        <button type="button" onClick={() => setFilters(NO_FILTERS)}>
          Clear filters
        </button>
      </form>
      {!data && !error && <p aria-live="polite">Loading…</p>}
      {data && (
        <>
          <p aria-live="polite" className="count">
            {rows.length} of {data.entries.length} profile{data.entries.length === 1 ? '' : 's'}
          </p>
          {rows.length > 0 && (
            <p className="exports">
              Export (JSON, CSV, Markdown) or print as one file:{' '}
              <a href={reportPath(rows.map((e) => e.identity.key))} data-testid="export-listed">
                the {rows.length} listed profile{rows.length === 1 ? '' : 's'}
              </a>{' '}
              ·{' '}
              <a href={reportPath('all')} data-testid="export-all">
                the whole history
              </a>
            </p>
          )}
          <table>
            <caption className="sr-only">Checked profiles, sorted by {COLUMNS.find((c) => c.key === sort.key)!.label.toLowerCase()}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="sort" onClick={() => sortBy(c.key)}>
                      {c.label}
                    </button>
                  </th>
                ))}
                <th scope="col">Verified</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.identity.key} data-key={e.identity.key}>
                  <th scope="row">
                    <a href={reportHref(e.identity.key)}>{e.identity.name ?? '(no name read)'}</a>
                    {e.snapshot.headline && <div className="note">{e.snapshot.headline}</div>}
                  </th>
                  <td>
                    <a href={e.identity.url} target="_blank" rel="noopener noreferrer">
                      {PLATFORM_LABELS[e.identity.platform]}
                    </a>
                  </td>
                  <td>
                    <span className={`level level-${e.report.level}`} data-level={e.report.level}>
                      {cap(e.report.level)}
                    </span>{' '}
                    <span className="note">
                      ({e.report.findings.filter((f) => f.severity !== 'info').length} flag{e.report.findings.filter((f) => f.severity !== 'info').length === 1 ? '' : 's'})
                    </span>
                  </td>
                  <td>
                    <time dateTime={e.lastSeen}>{e.lastSeen.slice(0, 10)}</time>
                  </td>
                  <td>{e.checks}</td>
                  <td>{e.verified ? <span title={e.verified.note}>Yes, {e.verified.at.slice(0, 10)}</span> : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.entries.length === 0 && <p>No profiles checked yet. Open a freelancer profile on a supported site to check it.</p>}
        </>
      )}
    </main>
  );
}

function SetAsideNotice({ records }: { records: SetAside[] }) {
  const unreadable = records.filter((r) => r.kind !== 'migrated');
  const migrated = records.filter((r) => r.kind === 'migrated');
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return (
    <div role="status" className="notice" data-testid="set-aside">
      {unreadable.length > 0 && (
        <p>
          <strong>{n(unreadable.length, 'stored record could not be read', 'stored records could not be read')}</strong> and {unreadable.length === 1 ? 'was' : 'were'} kept aside,
          not deleted:
        </p>
      )}
      {migrated.length > 0 && (
        <p>
          {n(migrated.length, 'profile was', 'profiles were')} stored in an older form and updated; the original{migrated.length === 1 ? ' is' : 's are'} kept aside too.
        </p>
      )}
      <ul>
        {records.slice(0, 20).map((s, i) => (
          <li key={i}>
            <code>{s.key}</code>: {s.reason} ({s.at.slice(0, 10) || 'date unknown'})
          </li>
        ))}
        {records.length > 20 && <li>… and {records.length - 20} more (all of them are in the file below)</li>}
      </ul>
      <button type="button" data-testid="export-set-aside" onClick={() => saveText(setAsideFile(records), 'vetter-set-aside.json', 'application/json')}>
        Download the kept-aside records (JSON)
      </button>
    </div>
  );
}
