/** Small helpers shared by the export formats and the report page. */
import { PLATFORM_LABELS } from '../history/describe';
import type { HistoryEntry } from '../history/schema';
import type { PlatformId } from '../profile/schema';
import type { Finding } from '../report/schema';

/** The site's name for lists and exports (the same names as lib/history/describe.ts; "Other site" for generic pages). */
export function platformName(p: PlatformId): string {
  return p === 'generic' ? 'Other site' : PLATFORM_LABELS[p];
}

/** The manager's dismissal of this finding, matched by rule id and title (as the badge matches them). */
export function dismissalFor(entry: HistoryEntry, f: Pick<Finding, 'ruleId' | 'title'>) {
  return entry.dismissals.find((d) => d.ruleId === f.ruleId && d.title === f.title) ?? null;
}

/** Only http(s) links are ever rendered as links. */
export function safeHttpUrl(u: string): string | null {
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export const DISCLAIMER =
  'Vetter is a triage aid, not a verdict: each flag says what was seen on the profile and why official guidance (FBI, US State and Treasury departments) treats it as a red flag. None of it says who a person is or where they are from; verify before deciding, and never reject anyone for their origin, school or language.';
