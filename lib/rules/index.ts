/** The rule set. Each rule lives in its own file; this list is what the engine runs and docs/rules.md describes. */
import { acctNewRated } from './acct-new-rated';
import { address } from './address';
import { camera } from './camera';
import { cheating } from './cheating';
import { contactChanging } from './contact-changing';
import { drugTest } from './drug-test';
import { eduAsiaEmpWest } from './edu-asia-emp-west';
import { eduImplausible } from './edu-implausible';
import { empFront } from './emp-front';
import { empOverlap } from './emp-overlap';
import { empVague } from './emp-vague';
import { extortion } from './extortion';
import { githubYoung } from './github-young';
import { langKorean } from './lang-korean';
import { locClaim } from './loc-claim';
import { locTime } from './loc-time';
import { offPlatform } from './off-platform';
import { payAdvance } from './pay-advance';
import { payChanging } from './pay-changing';
import { payCrypto } from './pay-crypto';
import { payPrc } from './pay-prc';
import { payThirdParty } from './pay-third-party';
import { linksShared } from './links-shared';
import { photoMissing } from './photo-missing';
import { proxyAccount } from './proxy-account';
import { photoReused } from './photo-reused';
import { photoVaries } from './photo-varies';
import { profileChanged } from './profile-changed';
import { profileMismatch } from './profile-mismatch';
import { photoNoFace } from './photo-no-face';
import { photoSamePerson } from './photo-same-person';
import { photoSynthetic } from './photo-synthetic';
import { rateDiscount } from './rate-discount';
import { textTemplate } from './text-template';
import type { Rule } from './types';

export const RULESET_VERSION = '0.7.0';
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
  // From the manager's own evidence (notes): interview checklist, shipping address, pasted text.
  camera,
  drugTest,
  cheating,
  address,
  extortion,
  contactChanging,
  proxyAccount,
  // Cross-profile rules: they read ctx.history (Vetter's memory of checked profiles) and stay silent without it.
  photoReused,
  photoVaries,
  textTemplate,
  linksShared,
  profileChanged,
  profileMismatch,
  githubYoung,
];
export type { Rule, RuleContext, RuleMeta, FindingDraft } from './types';
