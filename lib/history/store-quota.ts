/**
 * Saving a check when the browser's storage may be full. The retention settings decide what may be removed:
 * - history kept forever (`historyDays` 0): nothing is removed; the check is reported as not saved;
 * - otherwise, entries past the retention period (which the settings already allow removing) are pruned and the
 *   write is retried; and only when `pruneWhenFull` is on, the least recently seen profiles are removed in small
 *   batches (never the profile being saved) until the write fits.
 * Every outcome other than "saved" carries a message for the user; nothing already stored is lost otherwise.
 */
import type { Settings } from '../settings/schema';
import type { HistoryEntry } from './schema';
import { HistoryQuotaError, type HistoryStoreExt } from './store';

export type SaveState = 'saved' | 'pruned' | 'full' | 'failed';

export interface SaveOutcome {
  state: SaveState;
  /** Entries removed to make room. */
  pruned: number;
  /** For the user (null when saved without removing anything). */
  message: string | null;
}

/** At most this many removal rounds of the oldest entries (each a twentieth of the history, at least one entry). */
export const MAX_PRUNE_ROUNDS = 5;

const notSaved = 'History is full: this check was not saved.';

export async function saveWithRoom(
  store: Pick<HistoryStoreExt, 'put' | 'prune' | 'pruneOldest' | 'count'>,
  entry: HistoryEntry,
  settings: Pick<Settings, 'historyDays' | 'pruneWhenFull'>,
  now: Date,
): Promise<SaveOutcome> {
  const attempt = async (): Promise<'ok' | 'full'> => {
    try {
      await store.put(entry);
      return 'ok';
    } catch (e) {
      if (e instanceof HistoryQuotaError) return 'full';
      throw e;
    }
  };
  try {
    if ((await attempt()) === 'ok') return { state: 'saved', pruned: 0, message: null };
    if (settings.historyDays === 0)
      return {
        state: 'full',
        pruned: 0,
        message: `${notSaved} Your settings keep history forever, so Vetter removed nothing. Delete profiles you no longer need on the history page, or choose how long history is kept in the settings.`,
      };
    let pruned = await store.prune(settings.historyDays, now);
    if (pruned > 0 && (await attempt()) === 'ok') return { state: 'pruned', pruned, message: `History was full: ${profiles(pruned)} not seen for longer than your settings keep history ${were(pruned)} removed, and this check was saved.` };
    if (!settings.pruneWhenFull)
      return {
        state: 'full',
        pruned,
        message: `${notSaved}${pruned ? ` ${profiles(pruned)} past your retention period ${were(pruned)} removed, but that was not enough.` : ''} Nothing else was removed: to let Vetter remove the least recently seen profiles when storage is full, turn that on in the settings, or delete profiles on the history page.`,
      };
    for (let round = 0; round < MAX_PRUNE_ROUNDS; round++) {
      const n = Math.max(1, Math.ceil((await store.count()) / 20));
      const removed = await store.pruneOldest(n, entry.identity.key);
      if (removed === 0) break;
      pruned += removed;
      if ((await attempt()) === 'ok') return { state: 'pruned', pruned, message: `History was full: the ${profiles(pruned)} seen least recently ${were(pruned)} removed, as your settings allow, and this check was saved.` };
    }
    return { state: 'full', pruned, message: `${notSaved}${pruned ? ` The ${profiles(pruned)} seen least recently ${were(pruned)} removed, as your settings allow, and it still did not fit.` : ''} Free space in the browser or delete profiles on the history page.` };
  } catch (e) {
    return { state: 'failed', pruned: 0, message: `This check was not saved in the history (${e instanceof Error ? e.message : String(e)}).` };
  }
}

const profiles = (n: number) => `${n} profile${n === 1 ? '' : 's'}`;
const were = (n: number) => (n === 1 ? 'was' : 'were');
