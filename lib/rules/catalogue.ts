/**
 * The parts of the indicator catalogue (shared/indicators.md) that the running rule set does not implement yet or
 * cannot implement, with their metadata, for docs/rules.md. Nothing here runs.
 */
import type { RuleMeta } from './types';
import { SOURCES } from './sources';

export interface PendingRule extends RuleMeta {
  /** What has to exist before the rule can run. */
  arrivesWith: 'notes' | 'history' | 'photo';
}

export const PENDING_RULES: readonly PendingRule[] = [
  // profile-mismatch runs now (lib/rules/profile-mismatch.ts: linked accounts; profile-changed: one account over time).
];

/** Catalogue ids covered by a rule with another id. */
export const FOLDED: readonly { id: string; into: string; why: string }[] = [
  { id: 'edu-dprk', into: 'emp-front', why: 'emp-front already compares every school with the DPRK institutions named in the 2022 advisory (lib/data/front-companies.json, kind "institution"), as a strong, high-severity finding.' },
];

/** Indicators in the official texts that a browser extension reading a profile page cannot check. */
export const NOT_CHECKABLE: readonly { indicator: string; source: keyof typeof SOURCES; reason: string }[] = [
  { indicator: 'IP addresses and logins from China, Russia or other unexpected places; VPN/VPS use', source: 'ADV22', reason: 'Platform-side data: only the marketplace sees the connections behind an account; the page shows none of it.' },
  { indicator: 'Remote-desktop ports and software (e.g. AnyDesk, TeamViewer, Chrome Remote Desktop) on company laptops', source: 'PSA23', reason: 'Seen on the employer\'s network and devices after hiring, not on a profile page.' },
  { indicator: 'Logged in continuously for days, or from several places at once', source: 'ADV22', reason: 'Login sessions are platform-side records.' },
  { indicator: 'The same PayPal account shared by a client and a developer', source: 'ADV22', reason: 'Payment-processor records; the profile page never shows payee accounts.' },
  { indicator: 'Bid-acceptance ratios and bidding patterns across accounts', source: 'ADV22', reason: 'Only the platform sees all bids and their outcomes.' },
];
