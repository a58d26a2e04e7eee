/**
 * What happened to the history at the last check (saved, pruned to make room, full, unavailable), kept by the
 * background in browser.storage.session (`historyStatus`) so the popup and the extension pages can show it: a check
 * that could not be saved is never silent.
 */
import { browser } from 'wxt/browser';
import { HistoryStatus } from '../messages';

export const HISTORY_STATUS_KEY = 'historyStatus';

export async function rememberHistoryStatus(s: HistoryStatus): Promise<void> {
  try {
    await browser.storage.session.set({ [HISTORY_STATUS_KEY]: s });
  } catch {
    // No session storage here: the status still travels in the check's answer.
  }
}

/** The last check's history status, or null (none yet, or unreadable). */
export async function lastHistoryStatus(): Promise<HistoryStatus | null> {
  try {
    const p = HistoryStatus.safeParse((await browser.storage.session.get(HISTORY_STATUS_KEY))[HISTORY_STATUS_KEY]);
    return p.success ? p.data : null;
  } catch {
    return null;
  }
}
