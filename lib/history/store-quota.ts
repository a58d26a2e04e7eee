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
import { countedStatusMsg, statusMsg, type CatalogueMsg } from './status-msg';

export type SaveState = 'saved' | 'pruned' | 'full' | 'failed';

export interface SaveOutcome {
  state: SaveState;
  /** Entries removed to make room. */
  pruned: number;
  /** For the user, in English (null when saved without removing anything). */
  message: string | null;
  /** The same as a catalogue message, for the pages to show in the user's language (lib/history/status-msg.ts). */
  msg?: CatalogueMsg;
}

/** At most this many removal rounds of the oldest entries (each a twentieth of the history, at least one entry). */
export const MAX_PRUNE_ROUNDS = 5;

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
      return { state: 'full', pruned: 0, ...statusMsg('hs_full_forever') };
    let pruned = await store.prune(settings.historyDays, now);
    if (pruned > 0 && (await attempt()) === 'ok') return { state: 'pruned', pruned, ...countedStatusMsg('hs_pruned_retention', pruned) };
    if (!settings.pruneWhenFull)
      return { state: 'full', pruned, ...(pruned ? countedStatusMsg('hs_full_noprune_after', pruned) : statusMsg('hs_full_noprune')) };
    for (let round = 0; round < MAX_PRUNE_ROUNDS; round++) {
      const n = Math.max(1, Math.ceil((await store.count()) / 20));
      const removed = await store.pruneOldest(n, entry.identity.key);
      if (removed === 0) break;
      pruned += removed;
      if ((await attempt()) === 'ok') return { state: 'pruned', pruned, ...countedStatusMsg('hs_pruned_oldest', pruned) };
    }
    return { state: 'full', pruned, ...(pruned ? countedStatusMsg('hs_full_oldest', pruned) : statusMsg('hs_full_nospace')) };
  } catch (e) {
    return { state: 'failed', pruned: 0, ...statusMsg('hs_failed', [e instanceof Error ? e.message : String(e)]) };
  }
}
