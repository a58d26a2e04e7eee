import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runCheck, type BackgroundDeps } from '@/entrypoints/background';
import { parseSettingsFile } from '@/lib/settings/io';
import { repairSettings } from '@/lib/settings/migrate';
import { defaultSettings, SETTINGS_VERSION, SettingsV1 } from '@/lib/settings/schema';
import { dismissSettingsNotice, keptAsideSettings, LEGACY_INVALID_KEY, loadSettings, saveSettings, SETTINGS_ASIDE_KEY, SETTINGS_KEY } from '@/lib/settings/store';
import { makeProfile, NOW } from './helpers';

/** Exactly what Vetter stored before settings version 2 (lib/settings/schema.ts at commit d3aaa8c). */
const V1 = {
  version: 1,
  autoCheck: { upwork: false, linkedin: true },
  rules: { 'emp-front': { enabled: false, severity: null }, 'pay-crypto': { enabled: true, severity: 'high' } },
  historyDays: 30,
  photoAnalysis: false,
  exportDescriptors: true,
};

const stored = async (k: string) => (await browser.storage.local.get(k))[k];

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('settings migration (version 1 → 2)', () => {
  it('the fixture is a valid version-1 value', () => {
    expect(SettingsV1.safeParse(V1).success).toBe(true);
  });

  it('a stored version-1 value is migrated with every choice kept, written back, no notice and nothing set aside', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: V1 });
    const r = await loadSettings();
    expect(r.notice).toBeNull();
    expect(r.settings).toEqual({ ...V1, version: SETTINGS_VERSION, pruneWhenFull: false });
    expect(await stored(SETTINGS_KEY)).toEqual(r.settings);
    expect(await keptAsideSettings()).toEqual([]);
  });

  it('a settings file exported by version 1 imports (migrated); a damaged file is still refused', () => {
    const r = parseSettingsFile(JSON.stringify({ kind: 'vetter-settings', exportedAt: NOW.toISOString(), settings: V1 }));
    expect(r).toEqual({ ok: true, settings: { ...V1, version: 2, pruneWhenFull: false } });
    expect(parseSettingsFile(JSON.stringify({ ...V1, historyDays: 'x' }))).toMatchObject({ ok: false, reason: expect.stringContaining('historyDays') });
  });

  it('a partly damaged version-1 value is migrated and keeps its good fields', () => {
    const r = repairSettings({ ...V1, historyDays: -5 });
    expect(r.migratedFrom).toBe(1);
    expect(r.reset).toEqual(['historyDays']);
    expect(r.settings).toMatchObject({ version: 2, historyDays: 365, photoAnalysis: false, autoCheck: { upwork: false }, pruneWhenFull: false });
  });
});

describe('damaged settings are salvaged field by field', () => {
  it('keeps valid fields and valid rule/site entries, defaults only the bad ones', () => {
    const r = repairSettings({
      ...defaultSettings(),
      historyDays: 90,
      photoAnalysis: 'yes',
      rules: { 'emp-front': { enabled: false, severity: null }, 'pay-crypto': { enabled: 'maybe', severity: null } },
      autoCheck: { fiverr: false, myspace: true },
    });
    expect(r.settings.historyDays).toBe(90);
    expect(r.settings.photoAnalysis).toBe(true);
    expect(r.settings.rules).toEqual({ 'emp-front': { enabled: false, severity: null } });
    expect(r.settings.autoCheck).toEqual({ fiverr: false });
    expect(r.reset.sort()).toEqual(['autoCheck.myspace', 'photoAnalysis', 'rules.pay-crypto']);
    expect(r.lossy).toBe(true);
  });

  it.each([
    ['a string', 'garbage', /not a settings object \(it is string\)/],
    ['null', null, /it is null/],
    ['a list', [1, 2], /it is a list/],
  ])('%s is replaced by the defaults with a reason', (_n, raw, why) => {
    const r = repairSettings(raw);
    expect(r.settings).toEqual(defaultSettings());
    expect(r.reset).toEqual(['settings']);
    expect(r.problems.join()).toMatch(why);
  });

  it('a value from a newer Vetter keeps the fields this version knows and says so', () => {
    const r = repairSettings({ ...defaultSettings(), version: 7, historyDays: 10, darkMode: true });
    expect(r.settings).toMatchObject({ version: 2, historyDays: 10 });
    expect(r.problems.join('; ')).toMatch(/newer Vetter \(settings version 7/);
    expect(r.problems.join('; ')).toMatch(/darkMode/);
    expect(r.lossy).toBe(true);
  });

  it('a current valid value is left alone', () => {
    expect(repairSettings(defaultSettings())).toMatchObject({ changed: false, lossy: false, reset: [] });
  });
});

describe('loadSettings keeps every damaged value aside, with a notice', () => {
  it('repairs, writes the repaired settings back, keeps the original and says what was reset', async () => {
    const bad = { ...defaultSettings(), historyDays: 'forever', photoAnalysis: false };
    await browser.storage.local.set({ [SETTINGS_KEY]: bad });
    const r = await loadSettings();
    expect(r.settings).toMatchObject({ historyDays: 365, photoAnalysis: false });
    expect(r.reset).toEqual(['historyDays']);
    expect(r.notice).toMatch(/reset to defaults: historyDays; every other setting was kept/);
    expect(r.notice).toMatch(/kept aside/);
    expect(await stored(SETTINGS_KEY)).toEqual(r.settings);
    const kept = await keptAsideSettings();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ value: bad, reset: ['historyDays'], seen: false });
    expect(kept[0]!.reason).toMatch(/historyDays/);
    // The next read is clean: no second copy, no notice.
    expect((await loadSettings()).notice).toBeNull();
    expect(await keptAsideSettings()).toHaveLength(1);
  });

  it('a second damaged value does not overwrite the first one kept aside', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: 'first' });
    await loadSettings();
    await browser.storage.local.set({ [SETTINGS_KEY]: { version: 2, historyDays: -1 } });
    await loadSettings();
    const kept = await keptAsideSettings();
    expect(kept.map((k) => k.value)).toEqual(['first', { version: 2, historyDays: -1 }]);
  });

  it('folds a value kept by the earlier single-slot key (settings.invalid) into the list', async () => {
    await browser.storage.local.set({ [LEGACY_INVALID_KEY]: { value: { version: 1, rules: 3 }, at: '2025-01-01T00:00:00.000Z' }, [SETTINGS_KEY]: 42 });
    await loadSettings();
    expect(await stored(LEGACY_INVALID_KEY)).toBeUndefined();
    expect((await keptAsideSettings()).map((k) => k.value)).toEqual([{ version: 1, rules: 3 }, 42]);
  });

  it('dismissing the notice marks the values seen and keeps them', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: [] });
    await loadSettings();
    await dismissSettingsNotice();
    const kept = await keptAsideSettings();
    expect(kept).toEqual([expect.objectContaining({ value: [], seen: true })]);
    expect(Array.isArray(await stored(SETTINGS_ASIDE_KEY))).toBe(true);
  });

  it('when the original cannot be copied aside, the stored value is left untouched and the notice says so', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), historyDays: -1 } });
    const set = browser.storage.local.set.bind(browser.storage.local);
    vi.spyOn(browser.storage.local, 'set').mockImplementation(async (items) => {
      if (SETTINGS_ASIDE_KEY in items) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    const r = await loadSettings();
    expect(r.settings.historyDays).toBe(365);
    expect(r.notice).toMatch(/left untouched.*QUOTA_BYTES/);
    expect(await stored(SETTINGS_KEY)).toMatchObject({ historyDays: -1 });
  });

  it('saveSettings still refuses an invalid value', async () => {
    await expect(saveSettings({ ...defaultSettings(), historyDays: -1 })).rejects.toThrow();
  });
});

describe('the background never goes blank on damaged settings', () => {
  it('a check with unreadable stored settings still returns a report (repaired settings in use)', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { version: 2, rules: { 'photo-missing': { enabled: false, severity: null } }, historyDays: 'x' } });
    const deps: BackgroundDeps = {
      openStore: () => Promise.reject(new Error('no history in this test')),
      photo: () => Promise.reject(new Error('no photo')),
      settings: async () => (await loadSettings()).settings,
      now: () => NOW,
    };
    const res = await runCheck(makeProfile({ photo: null }), deps);
    expect(res.ok).toBe(true);
    // The valid rule setting survived the repair: photo-missing stays off.
    expect(res.ok && res.report.findings.map((f) => f.ruleId)).not.toContain('photo-missing');
  });
});
