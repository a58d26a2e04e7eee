/** The rule set. Each rule lives in its own file; this list is what the engine runs and docs/rules.md describes. */
import { eduAsiaEmpWest } from './edu-asia-emp-west';
import { empFront } from './emp-front';
import { photoMissing } from './photo-missing';
import type { Rule } from './types';

export const RULESET_VERSION = '0.1.0';
export const RULES: readonly Rule[] = [photoMissing, eduAsiaEmpWest, empFront];
export type { Rule, RuleContext, RuleMeta, FindingDraft } from './types';
