/**
 * User settings (browser.storage.local, key `settings`), validated on read; an invalid or old stored value is migrated
 * or replaced by the defaults with a visible notice, never silently.
 */
import { z } from 'zod';
import { PlatformId } from '../profile/schema';
import { Severity } from '../report/schema';

export const SETTINGS_VERSION = 1;

export const RuleSetting = z.object({ enabled: z.boolean(), severity: Severity.nullable() });
export type RuleSetting = z.infer<typeof RuleSetting>;

export const Settings = z.object({
  version: z.literal(SETTINGS_VERSION),
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
});
export type Settings = z.infer<typeof Settings>;

export function defaultSettings(): Settings {
  return { version: SETTINGS_VERSION, autoCheck: {}, rules: {}, historyDays: 365, photoAnalysis: true, exportDescriptors: false };
}

export function autoCheckOn(s: Settings, platform: PlatformId): boolean {
  return s.autoCheck[platform] ?? platform !== 'generic';
}
