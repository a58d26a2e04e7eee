/**
 * User settings (browser.storage.local, key `settings`), validated on read; an invalid or old stored value is migrated
 * or replaced by the defaults with a visible notice, never silently (lib/settings/migrate.ts, store.ts).
 */
import { z } from 'zod';
import { PlatformId } from '../profile/schema';
import { Severity } from '../report/schema';

/**
 * Version history of the stored shape (each older shape stays below, and migrate.ts steps from one to the next):
 * 1. the first shape (commit d3aaa8c): autoCheck, rules, historyDays, photoAnalysis, exportDescriptors;
 * 2. adds `pruneWhenFull` (may the oldest history entries be removed when the browser's storage is full).
 */
export const SETTINGS_VERSION = 2;

export const RuleSetting = z.object({ enabled: z.boolean(), severity: Severity.nullable() });
export type RuleSetting = z.infer<typeof RuleSetting>;

/** The fields every version has, each validated on its own so a partly damaged object keeps its good fields. */
export const SETTINGS_FIELDS = {
  /** Automatic check per site; sites not listed use the default (on for supported marketplaces, off for `generic`). */
  autoCheck: z.partialRecord(PlatformId, z.boolean()),
  /** Per rule id: on/off and a severity override (null = the rule's default). */
  rules: z.record(z.string(), RuleSetting),
  /** Days to keep history entries not seen again; 0 = keep forever. */
  historyDays: z.number().int().min(0).max(3650),
  /** Fetch and analyse profile photos (hashes, face model). */
  photoAnalysis: z.boolean(),
  /** Include face descriptors in exports (off unless the user ticks it). */
  exportDescriptors: z.boolean(),
  /**
   * When the browser refuses a history write for lack of space: remove the least recently seen profiles to make
   * room (true), or keep everything and only report that the check was not saved (false, the default). Never applies
   * when history is kept forever (`historyDays` 0).
   */
  pruneWhenFull: z.boolean(),
};

/** Version 1 (stored by Vetter before this change). */
export const SettingsV1 = z.object({
  version: z.literal(1),
  autoCheck: SETTINGS_FIELDS.autoCheck,
  rules: SETTINGS_FIELDS.rules,
  historyDays: SETTINGS_FIELDS.historyDays,
  photoAnalysis: SETTINGS_FIELDS.photoAnalysis,
  exportDescriptors: SETTINGS_FIELDS.exportDescriptors,
});
export type SettingsV1 = z.infer<typeof SettingsV1>;

export const Settings = z.object({ version: z.literal(SETTINGS_VERSION), ...SETTINGS_FIELDS });
export type Settings = z.infer<typeof Settings>;
export type SettingsField = keyof typeof SETTINGS_FIELDS;

export function defaultSettings(): Settings {
  return { version: SETTINGS_VERSION, autoCheck: {}, rules: {}, historyDays: 365, photoAnalysis: true, exportDescriptors: false, pruneWhenFull: false };
}

export function autoCheckOn(s: Settings, platform: PlatformId): boolean {
  return s.autoCheck[platform] ?? platform !== 'generic';
}
