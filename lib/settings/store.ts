/**
 * Settings persistence in browser.storage.local under `settings`, validated on read. An old version is migrated and
 * written back; a damaged value keeps its valid fields, the bad ones take their defaults, and the original value is
 * kept aside under `settings.setAside` (a list: every damaged value ever met, with its time and reason, never dropped
 * or overwritten; only "Clear all data" removes it) so the options page can show what was reset and offer it as a file.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { repairSettings } from './migrate';
import { defaultSettings, Settings } from './schema';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_ASIDE_KEY = 'settings.setAside';
/** Where a single kept-aside value lived before the list (overwritten by the next damaged value; folded into the list). */
export const LEGACY_INVALID_KEY = 'settings.invalid';

export const KeptSettings = z.object({
  /** When it was set aside (ISO 8601). */
  at: z.string(),
  /** What was wrong, in plain words. */
  reason: z.string(),
  /** Fields that were reset to their defaults (`settings` = all of them). */
  reset: z.array(z.string()),
  /** The stored value exactly as it was found. */
  value: z.unknown(),
  /** The user has seen the notice and dismissed it (the value stays kept). */
  seen: z.boolean(),
});
export type KeptSettings = z.infer<typeof KeptSettings>;

export interface LoadedSettings {
  settings: Settings;
  /** Set when this read migrated or repaired the stored value: what happened, in plain words. */
  notice: string | null;
  /** Fields reset to defaults by this read. */
  reset: string[];
  /** False when a damaged value could not be copied aside (it was then left stored as it is; `notice` says so). */
  keptAside?: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every kept-aside settings value, oldest first; list entries that are themselves damaged are kept as found. */
export async function keptAsideSettings(): Promise<KeptSettings[]> {
  const got = await browser.storage.local.get([SETTINGS_ASIDE_KEY, LEGACY_INVALID_KEY]);
  const list = got[SETTINGS_ASIDE_KEY];
  const items: KeptSettings[] = (Array.isArray(list) ? list : list === undefined ? [] : [list]).map((x: unknown) => {
    const p = KeptSettings.safeParse(x);
    return p.success ? p.data : { at: '', reason: 'a kept-aside record that is itself damaged', reset: [], value: x, seen: false };
  });
  const legacy = got[LEGACY_INVALID_KEY] as { value?: unknown; at?: unknown } | undefined;
  if (legacy !== undefined) {
    items.unshift({
      at: typeof legacy?.at === 'string' ? legacy.at : '',
      reason: 'stored settings that could not be read (kept by an earlier Vetter)',
      reset: ['settings'],
      value: legacy && typeof legacy === 'object' && 'value' in legacy ? legacy.value : legacy,
      seen: false,
    });
  }
  return items;
}

/** Appends to the kept-aside list (an identical value already kept is not added twice); folds the legacy key in. */
async function keepAside(item: KeptSettings): Promise<void> {
  const list = await keptAsideSettings();
  if (!list.some((x) => same(x.value, item.value))) list.push(item);
  await browser.storage.local.set({ [SETTINGS_ASIDE_KEY]: list });
  // Only once the list holds it.
  await browser.storage.local.remove(LEGACY_INVALID_KEY);
}

/** Marks every kept-aside value as seen (the notice goes away; the values stay). */
export async function dismissSettingsNotice(): Promise<void> {
  const list = await keptAsideSettings();
  await browser.storage.local.set({ [SETTINGS_ASIDE_KEY]: list.map((x) => ({ ...x, seen: true })) });
  await browser.storage.local.remove(LEGACY_INVALID_KEY);
}

/** Reads the settings; never throws for a bad stored value (migrated, repaired field by field, or defaults, with a notice). */
export async function loadSettings(): Promise<LoadedSettings> {
  const got = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (got === undefined) return { settings: defaultSettings(), notice: null, reset: [] };
  const r = repairSettings(got);
  if (!r.changed) return { settings: r.settings, notice: null, reset: [] };
  if (!r.lossy) {
    // A clean migration from an older version: write the new shape back (a failed write is retried at the next read).
    await browser.storage.local.set({ [SETTINGS_KEY]: r.settings }).catch(() => undefined);
    return { settings: r.settings, notice: null, reset: [] };
  }
  const why = r.problems.join('; ');
  const resetText = r.reset.includes('settings') ? 'all settings are at their defaults' : r.reset.length ? `reset to defaults: ${r.reset.join(', ')}; every other setting was kept` : 'every setting was kept';
  try {
    await keepAside({ at: new Date().toISOString(), reason: why, reset: r.reset, value: got, seen: false });
  } catch (e) {
    // The original could not be kept aside: leave it stored as it is (nothing lost) and use the repaired copy for now.
    return {
      settings: r.settings,
      reset: r.reset,
      keptAside: false,
      notice: `Your stored settings could not be fully read (${why}); ${resetText} for now. The stored value was left untouched because it could not be copied aside (${e instanceof Error ? e.message : String(e)}).`,
    };
  }
  await browser.storage.local.set({ [SETTINGS_KEY]: r.settings });
  return {
    settings: r.settings,
    reset: r.reset,
    keptAside: true,
    notice: `Your stored settings could not be fully read (${why}); ${resetText}. The original value was kept aside: download it from the options page.`,
  };
}

export async function saveSettings(s: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: Settings.parse(s) });
}
