/**
 * An in-memory HistoryStore (the contract in lib/history/store-types.ts) for tests: validates on write like the
 * IndexedDB store, keeps copies (no aliasing with the caller's objects), lists most recently seen first.
 */
import { HistoryEntry, type Dismissal, type Verification } from '../../lib/history/schema';
import type { HistoryStore, SetAside } from '../../lib/history/store-types';
import type { ManagerNotes } from '../../lib/notes/schema';

export class MemoryStore implements HistoryStore {
  readonly entries = new Map<string, HistoryEntry>();
  readonly aside: SetAside[] = [];
  /** Keys whose put() throws (to test write failures). */
  readonly failing = new Set<string>();

  async get(key: string) {
    const e = this.entries.get(key);
    return e ? structuredClone(e) : null;
  }
  async list() {
    return [...this.entries.values()].map((e) => structuredClone(e)).sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
  }
  async put(entry: HistoryEntry) {
    if (this.failing.has(entry.identity.key)) throw new Error('QuotaExceededError: the storage quota is full');
    const e = HistoryEntry.parse(entry);
    this.entries.set(e.identity.key, structuredClone(e));
  }
  async delete(key: string) {
    this.entries.delete(key);
  }
  private async update(key: string, patch: Partial<HistoryEntry>) {
    const e = this.entries.get(key);
    if (!e) return null;
    await this.put({ ...e, ...patch });
    return this.get(key);
  }
  setNotes(key: string, notes: ManagerNotes) {
    return this.update(key, { notes });
  }
  setDismissals(key: string, dismissals: Dismissal[]) {
    return this.update(key, { dismissals });
  }
  setVerified(key: string, verified: Verification | null) {
    return this.update(key, { verified });
  }
  async setAside() {
    return [...this.aside];
  }
  async clear() {
    this.entries.clear();
    this.aside.length = 0;
  }
}
