import type { Profile } from '../profile/schema';
import type { Report } from '../report/schema';

/** A plain-text rendering of a report for the terminal. */
export function formatReportText(profile: Profile, report: Report): string {
  const lines: string[] = [];
  lines.push(`Vetter check: ${profile.name ?? '(no name read)'} — ${profile.source.platform} — ${profile.source.url}`);
  lines.push(`Level: ${report.level.toUpperCase()} (score ${report.score}). ${report.levelReason}`);
  if (report.missing.length) lines.push(`Partial read: not found on the page: ${report.missing.join(', ')}`);
  lines.push(`${report.findings.length} flag${report.findings.length === 1 ? '' : 's'}:`);
  report.findings.forEach((f, i) => {
    lines.push('');
    lines.push(`${i + 1}. [${f.severity}] [${f.category}] ${f.title}`);
    lines.push(`   ${f.explanation}`);
    for (const e of f.evidence) lines.push(`   seen at ${e.field}: ${e.excerpt}`);
    lines.push(`   source: ${f.indicator.source} ${f.indicator.url}`);
    lines.push(`   next step: ${f.nextStep}`);
  });
  lines.push('');
  lines.push('Vetter is a triage aid, not a verdict: verify before acting, and never decide on origin, school or language.');
  return lines.join('\n');
}
