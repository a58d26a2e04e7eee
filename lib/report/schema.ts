/**
 * `Finding` and `Report`: what rules produce and what the badge, popup, exports and history consume.
 */
import { z } from 'zod';
import { ProfileField, Source } from '../profile/schema';
import { CATEGORIES, INDICATOR_SOURCES, LEVELS, SEVERITIES } from './constants';

export { CATEGORIES, INDICATOR_SOURCES, LEVELS, SEVERITIES };
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const Level = z.enum(LEVELS);
export type Level = z.infer<typeof Level>;

export const IndicatorSourceId = z.enum(INDICATOR_SOURCES);
export type IndicatorSourceId = z.infer<typeof IndicatorSourceId>;

export const Evidence = z.object({
  /** Path into the Profile, e.g. `education[0].school`, `location.raw`, or `notes.payment` for the manager's notes. */
  field: z.string().min(1),
  /** The excerpt as seen. */
  excerpt: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Indicator = z.object({
  /** Catalogue id of the indicator (shared/indicators.md), e.g. `edu-asia-emp-west`. */
  id: z.string().min(1),
  source: IndicatorSourceId,
  /** URL of the official text. */
  url: z.string().url(),
});
export type Indicator = z.infer<typeof Indicator>;

/** Optional catalogue keys for a finding's texts (rendered in the user's language, params fill `$1`…`$9`). */
export const FindingMessage = z.object({
  title: z.string().min(1).optional(),
  explanation: z.string().min(1).optional(),
  nextStep: z.string().min(1).optional(),
  params: z.array(z.string()).max(9),
});
export type FindingMessage = z.infer<typeof FindingMessage>;

export const Finding = z.object({
  ruleId: z.string().min(1),
  category: Category,
  severity: Severity,
  /** How much the finding may move the level: weak signals never lift it above low on their own. */
  weight: z.enum(['weak', 'medium', 'strong']),
  title: z.string().min(1),
  /** Plain words: what was seen, where, and why the guidance treats it as a red flag. */
  explanation: z.string().min(1),
  evidence: z.array(Evidence),
  indicator: Indicator,
  /** What to verify next. */
  nextStep: z.string().min(1),
  /** Catalogue keys for the texts above (the English texts stay the fallback and what exports carry). */
  msg: FindingMessage.optional(),
});
export type Finding = z.infer<typeof Finding>;

export const Report = z.object({
  source: Source,
  /** Name as read, for lists and exports. */
  name: z.string().nullable(),
  findings: z.array(Finding),
  score: z.number().nonnegative(),
  level: Level,
  /** One sentence: why this level. */
  levelReason: z.string(),
  /** Fields the extractor did not find (a partial read when non-empty). */
  missing: z.array(ProfileField),
  rulesetVersion: z.string().min(1),
  createdAt: z.string().datetime({ offset: true }),
});
export type Report = z.infer<typeof Report>;
