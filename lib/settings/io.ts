/** Settings files (export/import) and "clear all data". An import is validated and refused with a reason, never half-applied. */
import { browser } from 'wxt/browser';
import { migrateSettingsObject } from './migrate';
import { Settings } from './schema';

export const SETTINGS_FILE_KIND = 'vetter-settings';
export const DB_NAME = 'vetter';

export function settingsFile(s: Settings): string {
  return JSON.stringify({ kind: SETTINGS_FILE_KIND, exportedAt: new Date().toISOString(), settings: Settings.parse(s) }, null, 2);
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; reason: string };

/** Reads an exported settings file (or a bare settings object). */
export function parseSettingsFile(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const body = raw && typeof raw === 'object' && (raw as { kind?: unknown }).kind === SETTINGS_FILE_KIND ? (raw as { settings?: unknown }).settings : raw;
  // A file exported by an older Vetter (older settings version) is migrated first; a damaged one is still refused.
  const migrated = body && typeof body === 'object' && !Array.isArray(body) ? migrateSettingsObject(body as Record<string, unknown>).value : body;
  const parsed = Settings.safeParse(migrated);
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ') };
  }
  return { ok: true, settings: parsed.data };
}

/** Deletes the history database and everything in browser.storage.local (settings, dismissals, notes). */
export async function clearAllData(timeoutMs = 5000): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(DB_NAME);
    const timer = setTimeout(() => reject(new Error('the history database is still open in another Vetter page; close it and try again')), timeoutMs);
    req.onsuccess = () => (clearTimeout(timer), resolve());
    req.onerror = () => (clearTimeout(timer), reject(req.error ?? new Error('the history database could not be deleted')));
  });
  await browser.storage.local.clear();
}
