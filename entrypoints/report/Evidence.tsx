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

const NEXT_CHECK =
  'This stored entry holds no copy of the profile (it was stored by an older Vetter or imported), so the findings will include your notes at the next check of the profile: open its page again.';
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
        show('saving', 'Saving…');
        try {
          const saved = await props.current.store.setNotes(key, notes);
          if (!saved) throw new Error('this profile is no longer in the history (it may have been deleted in another tab)');
        } catch (e) {
          show('failed', `Not saved: ${why(e)}. Your changes are still on this page; Vetter tries again at your next change, or press Retry.`);
          return;
        }
        if (pending.current === notes) pending.current = null;
        props.current.onUpdated(key, { notes });
        if (pending.current) continue;
        const { reanalyze: run, hasProfile } = props.current;
        if (!hasProfile || noProfile.current || !run) {
          // Without a stored profile the notice below already says when the notes apply.
          const when = !hasProfile ? '' : noProfile.current ? ` ${NEXT_CHECK}` : ' The findings will include your notes at the next check of the profile.';
          show('saved', `Saved at ${clock()}.${when}`);
          continue;
        }
        show('updating', 'Saved. Updating the findings with your notes…');
        const r: ReanalyzeResult = await run(key).catch((e: unknown) => ({ ok: false as const, error: why(e) }));
        if (r.ok) {
          props.current.onUpdated(key, { report: r.report });
          show('saved', `Saved at ${clock()}; the findings above include your notes.`);
        } else if (r.noProfile) {
          noProfile.current = true;
          show('saved', `Saved at ${clock()}. ${NEXT_CHECK}`);
        } else show('saved', `Saved at ${clock()}, but the findings could not be updated now (${r.error}); they will include your notes at the next check.`);
      }
    } finally {
      busy.current = false;
    }
  }, [key]);

  const onChange = (n: ManagerNotes) => {
    setDraft(n);
    pending.current = n;
    if (!busy.current) show('pending', 'Changes not saved yet…');
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
      <h2 id={headingId}>Your evidence</h2>
      <div className="evidence-status" role="status" aria-live="polite" data-testid="notes-status" data-state={state}>
        {message}
        {state === 'failed' && (
          <button type="button" onClick={() => void flush()}>
            Retry
          </button>
        )}
      </div>
      {!entry.profile && (
        <p className="notice" data-testid="notes-next-check">
          {NEXT_CHECK}
        </p>
      )}
      <NotesPanel key={key} notes={draft} profileName={entry.identity.name ?? entry.snapshot.name} onChange={onChange} />
    </section>
  );
}
