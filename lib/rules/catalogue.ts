/**
 * The parts of the indicator catalogue (shared/indicators.md) that the running rule set does not implement yet or
 * cannot implement, with their metadata, for docs/rules.md. Nothing here runs.
 */
import type { RuleMeta } from './types';
import { SOURCES } from './sources';

export interface PendingRule extends RuleMeta {
  /** What has to exist before the rule can run. */
  arrivesWith: 'notes' | 'history' | 'photo' | 'github';
}

const src = (source: keyof typeof SOURCES) => ({ source, url: SOURCES[source].url });

export const PENDING_RULES: readonly PendingRule[] = [
  { id: 'camera', title: 'Will not appear on camera, or time, place or look inconsistent on camera', category: 'interview', severity: 'high', weight: 'strong', indicator: src('PSA23'), arrivesWith: 'notes', description: 'From the hiring manager\'s interview notes: refuses video or keeps the camera off; on camera the time of day, the place or the appearance does not fit the profile (FBI guidance 2023).' },
  { id: 'drug-test', title: 'Undue concern about drug tests or in-person meetings', category: 'interview', severity: 'medium', weight: 'medium', indicator: src('PSA23'), arrivesWith: 'notes', description: 'From the interview notes: avoids drug tests, in-person meetings or background checks (FBI guidance 2023).' },
  { id: 'cheating', title: 'Signs of reading answers or being coached in the interview', category: 'interview', severity: 'medium', weight: 'medium', indicator: src('PSA23'), arrivesWith: 'notes', description: 'From the interview notes: pauses and stalls, eyes scanning as if reading, wrong but plausible answers (FBI guidance 2023).' },
  { id: 'address', title: 'Equipment address is a forwarding address or changes once hired', category: 'interview', severity: 'high', weight: 'strong', indicator: src('PSA23'), arrivesWith: 'notes', description: 'From the notes: the shipping address for a laptop is a forwarding or freight address, differs from the ID, or changes after hiring (FBI guidance 2023, 2022 advisory).' },
  { id: 'extortion', title: 'Threatens to release code or data unless paid', category: 'interview', severity: 'high', weight: 'strong', indicator: src('PSA23'), arrivesWith: 'notes', description: 'From the notes: a threat to publish source code or data unless paid (FBI guidance 2023).' },
  { id: 'contact-changing', title: 'Contact details incorrect or changing', category: 'links', severity: 'low', weight: 'weak', indicator: src('ADV22'), arrivesWith: 'notes', description: 'From the notes and the history of checked profiles: phone numbers or e-mails that do not work or keep changing (2022 advisory). The page-side part, handles and invitations off the platform, is the off-platform rule.' },
  { id: 'proxy-account', title: 'The account owner is not the worker', category: 'account', severity: 'high', weight: 'strong', indicator: src('ADV22'), arrivesWith: 'notes', description: 'From the notes: a different name on the payee, a rented or bought verified account (2022 advisory, ROK 2022).' },
  { id: 'photo-reused', title: 'The same photo on profiles with different names', category: 'photo', severity: 'high', weight: 'strong', indicator: src('PSA23'), arrivesWith: 'history', description: 'Compares the photo with the photos of profiles checked before: the same face under different names or IDs (FBI guidance 2023).' },
  { id: 'photo-varies', title: 'One identity with different faces across sites', category: 'photo', severity: 'medium', weight: 'medium', indicator: src('PSA23'), arrivesWith: 'history', description: 'Compares the photos of profiles checked before that carry the same name or links (FBI guidance 2023).' },
  { id: 'text-template', title: 'Bio or bid text reused across accounts', category: 'text', severity: 'high', weight: 'strong', indicator: src('ADV22'), arrivesWith: 'history', description: 'Compares the overview with profiles checked before under other names (2022 advisory: the same templates across accounts).' },
  { id: 'links-shared', title: 'The same portfolio, GitHub, e-mail or phone under different identities', category: 'links', severity: 'high', weight: 'strong', indicator: src('ADV22'), arrivesWith: 'history', description: 'Compares links and contacts with profiles checked before under other names (2022 advisory).' },
  { id: 'profile-mismatch', title: 'Name, location, education or work history differ between this person\'s profiles', category: 'text', severity: 'high', weight: 'strong', indicator: src('ADV22'), arrivesWith: 'history', description: 'Compares the profile with the same person\'s other profiles and résumé (2022 advisory, FBI guidance 2023).' },
  { id: 'github-young', title: 'GitHub account much younger than the claimed career', category: 'links', severity: 'medium', weight: 'medium', indicator: src('SEAL'), arrivesWith: 'github', description: 'Needs a GitHub profile read: account age, back-dated commits, copied repositories (Security Alliance framework).' },
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
