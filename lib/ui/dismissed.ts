import type { Dismissal } from '../history/schema';
import type { Annotations } from '../messages';

/** The manager's dismissal of this finding (same rule and title), if any. Kept apart from lib/annotations.ts so the
 * content script does not bundle the storage code. */
export function isDismissed(ann: Annotations | null | undefined, f: { ruleId: string; title: string }): Dismissal | undefined {
  return ann?.dismissals.find((d) => d.ruleId === f.ruleId && d.title === f.title);
}
