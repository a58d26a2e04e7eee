/**
 * "Your evidence" on the report page for one profile: the manager's notes panel (components/NotesPanel.tsx), saved
 * to the history store (`setNotes`, debounced) with a visible status, then applied at once: the background re-runs
 * the rules on the stored profile with the notes ('vetter:reanalyze') and the page shows the new findings and level.
 * A failed write keeps the draft on the page, says why, and is tried again at the next change or with "Retry".
 * An entry without a stored profile (older entries, imports) gets the notes applied at the next check of the page.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { NotesPanel } from '@/components/NotesPanel';
import '@/components/notes-panel.css';
import type { HistoryEntry } from '@/lib/history/schema';
import type { HistoryStore } from '@/lib/history/store-types';
import type { ReanalyzeResult } from '@/lib/messages';
import type { ManagerNotes } from '@/lib/notes/schema';
import type { Report } from '@/lib/report/schema';
import { t } from '@/lib/i18n';

export type Reanalyze = (key: string) => Promise<ReanalyzeResult>;

export interface EvidenceProps {
  entry: HistoryEntry;
  store: HistoryStore;
  /** Asks the background to re-run the rules with the saved notes; absent: the notes apply at the next check. */
  reanalyze?: Reanalyze;
  /** The entry's notes or report changed (saved notes, a new report). */
  onUpdated(key: string, patch: { notes?: ManagerNotes; report?: Report }): void;
  /** Wait after the last change before saving (ms). */
  saveDelayMs?: number;
}

type State = 'idle' | 'pending' | 'saving' | 'updating' | 'saved' | 'failed';

const clock = () => new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function Evidence({ entry, store, reanalyze, onUpdated, saveDelayMs = 800 }: EvidenceProps) {
  const key = entry.identity.key;
  const headingId = useId();
  const [draft, setDraft] = useState<ManagerNotes | null>(entry.notes);
  const [state, setState] = useState<State>('idle');
  const [message, setMessage] = useState('');
  /** The newest notes not yet written (kept after a failed write). */
  const pending = useRef<ManagerNotes | null>(null);
  const busy = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useRef(true);
  /** The background said the stored entry has no profile (e.g. replaced by an import meanwhile). */
  const noProfile = useRef(false);
  const props = useRef({ store, reanalyze, onUpdated, hasProfile: !!entry.profile });
  useEffect(() => {
    props.current = { store, reanalyze, onUpdated, hasProfile: !!entry.profile };
  }, [store, reanalyze, onUpdated, entry.profile]);

  const show = (s: State, m: string) => {
    if (!live.current) return;
    setState(s);
    setMessage(m);
  };

  /** Writes the pending notes, then re-analyses; one run at a time, newer changes are written before re-analysing. */
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (busy.current) return;
    busy.current = true;
    try {
      while (pending.current) {
        const notes = pending.current;
        show('saving', t('ev_saving'));
        try {
          const saved = await props.current.store.setNotes(key, notes);
          if (!saved) throw new Error(t('ev_gone'));
        } catch (e) {
          show('failed', t('ev_failed', why(e)));
          return;
        }
        if (pending.current === notes) pending.current = null;
        props.current.onUpdated(key, { notes });
        if (pending.current) continue;
        const { reanalyze: run, hasProfile } = props.current;
        if (!hasProfile || noProfile.current || !run) {
          // Without a stored profile the notice below already says when the notes apply.
          show('saved', !hasProfile ? t('ev_saved_at', clock()) : noProfile.current ? t('ev_saved_at_nocopy', [clock(), t('ev_next_check')]) : t('ev_saved_at_next', clock()));
          continue;
        }
        show('updating', t('ev_updating'));
        const r: ReanalyzeResult = await run(key).catch((e: unknown) => ({ ok: false as const, error: why(e) }));
        if (r.ok) {
          props.current.onUpdated(key, { report: r.report });
          show('saved', t('ev_saved_applied', clock()));
        } else if (r.noProfile) {
          noProfile.current = true;
          show('saved', t('ev_saved_at_nocopy', [clock(), t('ev_next_check')]));
        } else show('saved', t('ev_saved_not_updated', [clock(), r.error]));
      }
    } finally {
      busy.current = false;
    }
  }, [key]);

  const onChange = (n: ManagerNotes) => {
    setDraft(n);
    pending.current = n;
    if (!busy.current) show('pending', t('ev_pending'));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), saveDelayMs);
  };

  useEffect(() => {
    live.current = true;
    // Leaving the page with unsaved notes: write them now and ask the browser to confirm.
    const beforeUnload = (ev: BeforeUnloadEvent) => {
      if (!pending.current) return;
      void flush();
      ev.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      if (pending.current) void flush();
      live.current = false;
    };
  }, [flush]);

  return (
    <section className="evidence no-print" aria-labelledby={headingId} data-key={key}>
      <h2 id={headingId}>{t('ev_title')}</h2>
      <div className="evidence-status" role="status" aria-live="polite" data-testid="notes-status" data-state={state}>
        {message}
        {state === 'failed' && (
          <button type="button" onClick={() => void flush()}>
            {t('ev_retry')}
          </button>
        )}
      </div>
      {!entry.profile && (
        <p className="notice" data-testid="notes-next-check">
          {t('ev_next_check')}
        </p>
      )}
      <NotesPanel key={key} notes={draft} profileName={entry.identity.name ?? entry.snapshot.name} onChange={onChange} />
    </section>
  );
}
