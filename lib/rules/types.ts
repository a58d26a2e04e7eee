import type { FaceAnalysis } from '../face/schema';
import type { HistoryMatches } from '../history/schema';
import type { ManagerNotes } from '../notes/schema';
import type { Profile } from '../profile/schema';
import type { Category, Finding, IndicatorSourceId, Severity } from '../report/schema';

export interface RuleMeta {
  /** Catalogue id (shared/indicators.md), also the finding's ruleId. */
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  weight: Finding['weight'];
  indicator: { source: IndicatorSourceId; url: string };
  /** Plain words: what the rule looks at and why. */
  description: string;
}

export interface RuleContext {
  /** The time of the check (for ages and durations). */
  now: Date;
  /** The manager's own evidence for this profile (interview checklist, pasted messages), when recorded. */
  notes?: ManagerNotes | null;
  /** What the background found in the history of checked profiles (cross-profile rules); absent in a one-off check. */
  history?: HistoryMatches | null;
  /** The face analysis of the profile photo (lib/face); absent when photos are not analysed or could not be fetched. */
  face?: FaceAnalysis | null;
}

/** A finding as a rule writes it; the engine adds ruleId, category, weight and indicator from the meta. */
export type FindingDraft = Pick<Finding, 'title' | 'explanation' | 'evidence' | 'nextStep' | 'msg'> & { severity?: Severity };

export interface Rule {
  meta: RuleMeta;
  /** Pure: reads the profile, never the DOM; returns nothing when the rule does not apply. */
  check(profile: Profile, ctx: RuleContext): FindingDraft[];
}
