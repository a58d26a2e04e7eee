/**
 * The history store's contract (implemented over IndexedDB in lib/history/store.ts). Extension pages (popup, options,
 * history and report pages) and the background share the extension origin's IndexedDB, so they all use this API;
 * the content script never touches it (it asks the background through messages).
 */
import type { Dismissal, HistoryEntry, Verification } from './schema';
import type { ManagerNotes } from '../notes/schema';

/** A stored record that failed validation or migration: kept aside (never dropped) and shown to the user. */
export interface SetAside {
  key: string;
  reason: string;
  raw: unknown;
  at: string;
  /**
   * `invalid` (absent on older records): the record could not be read and is not in the history;
   * `migrated`: the original of a record that was migrated to the current shape (the history holds the migrated one).
   */
  kind?: 'invalid' | 'migrated';
}

export interface HistoryStore {
  get(key: string): Promise<HistoryEntry | null>;
  /** Every valid entry, most recently seen first. */
  list(): Promise<HistoryEntry[]>;
  /** Validates, then writes (insert or replace). Throws a clear error (e.g. quota exceeded) instead of losing data. */
  put(entry: HistoryEntry): Promise<void>;
  delete(key: string): Promise<void>;
  /** Per-profile manager input; each returns the updated entry, or null when the key is unknown. */
  setNotes(key: string, notes: ManagerNotes): Promise<HistoryEntry | null>;
  setDismissals(key: string, dismissals: Dismissal[]): Promise<HistoryEntry | null>;
  setVerified(key: string, verified: Verification | null): Promise<HistoryEntry | null>;
  /** Records that failed validation or migration. */
  setAside(): Promise<SetAside[]>;
  /** Removes everything (entries and set-aside records). */
  clear(): Promise<void>;
}
