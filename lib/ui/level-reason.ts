/** "Why this level" in the user's language: the score's reason from the catalogue, when it is the report's reason. */
import { score } from '../engine/score';
import type { Report } from '../report/schema';
import { msgOr } from './finding-text';

export function levelReasonText(report: Pick<Report, 'findings' | 'levelReason'>): string {
  const s = score(report.findings);
  // A report scored differently (an older version, or edited) keeps its own English sentence.
  if (s.reason !== report.levelReason) return report.levelReason;
  return msgOr(s.reasonMsg.key, s.reasonMsg.params, report.levelReason);
}
