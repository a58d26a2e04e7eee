/** Settings persistence in browser.storage.local under `settings`, validated on read. */
import { browser } from 'wxt/browser';
import { defaultSettings, Settings } from './schema';

export const SETTINGS_KEY = 'settings';

/** Reads the settings; an invalid stored value is kept under `settings.invalid` and the defaults are used, with a notice. */
export async function loadSettings(): Promise<{ settings: Settings; notice: string | null }> {
  const got = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (got === undefined) return { settings: defaultSettings(), notice: null };
  const parsed = Settings.safeParse(got);
  if (parsed.success) return { settings: parsed.data, notice: null };
  await browser.storage.local.set({ [`${SETTINGS_KEY}.invalid`]: { value: got, at: new Date().toISOString() } });
  const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ');
  return { settings: defaultSettings(), notice: `Your stored settings could not be read (${why}); defaults are in use and the old value was kept aside.` };
}

export async function saveSettings(s: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: Settings.parse(s) });
}
