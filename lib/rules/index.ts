/** The rule set. Each rule lives in its own file; this list is what the engine runs and docs/rules.md describes. */
import { acctNewRated } from './acct-new-rated';
import { eduAsiaEmpWest } from './edu-asia-emp-west';
import { eduImplausible } from './edu-implausible';
import { empFront } from './emp-front';
import { empOverlap } from './emp-overlap';
import { empVague } from './emp-vague';
import { langKorean } from './lang-korean';
import { locClaim } from './loc-claim';
import { locTime } from './loc-time';
import { offPlatform } from './off-platform';
import { payAdvance } from './pay-advance';
import { payChanging } from './pay-changing';
import { payCrypto } from './pay-crypto';
import { payPrc } from './pay-prc';
import { payThirdParty } from './pay-third-party';
import { photoMissing } from './photo-missing';
import { photoNoFace } from './photo-no-face';
import { photoSamePerson } from './photo-same-person';
import { photoSynthetic } from './photo-synthetic';
import { rateDiscount } from './rate-discount';
import type { Rule } from './types';

export const RULESET_VERSION = '0.3.0';
export const RULES: readonly Rule[] = [
  photoMissing,
  photoNoFace,
  photoSynthetic,
  photoSamePerson,
  eduAsiaEmpWest,
  eduImplausible,
  empFront,
  empOverlap,
  empVague,
  locTime,
  locClaim,
  langKorean,
  payCrypto,
  payPrc,
  payChanging,
  payThirdParty,
  payAdvance,
  acctNewRated,
  rateDiscount,
  offPlatform,
];
export type { Rule, RuleContext, RuleMeta, FindingDraft } from './types';
