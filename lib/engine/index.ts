/**
 * The engine: runs the enabled rules over a Profile and turns their findings into a scored, levelled Report.
 * Pure and synchronous; a rule that throws is reported as an info finding instead of breaking the check.
 */
import type { Profile } from '../profile/schema';
import { Finding, Report, type Level } from '../report/schema';
import { RULES, RULESET_VERSION, type Rule, type RuleContext } from '../rules';
import { score } from './score';

export interface RunOptions {
  rules?: readonly Rule[];
  /** Rule ids switched off in the settings. */
  disabled?: ReadonlySet<string>;
  now?: Date;
  /** Per rule id, a severity chosen in the settings instead of the rule's. */
  severity?: ReadonlyMap<string, Finding['severity']>;
  notes?: RuleContext['notes'];
  history?: RuleContext['history'];
}

export function runRules(profile: Profile, opts: RunOptions = {}): Finding[] {
  const ctx: RuleContext = { now: opts.now ?? new Date(), notes: opts.notes ?? null, history: opts.history ?? null };
  const findings: Finding[] = [];
  for (const rule of opts.rules ?? RULES) {
    if (opts.disabled?.has(rule.meta.id)) continue;
    const { meta } = rule;
    try {
      for (const d of rule.check(profile, ctx)) {
        const f = Finding.safeParse({
          ruleId: meta.id,
          category: meta.category,
          severity: opts.severity?.get(meta.id) ?? d.severity ?? meta.severity,
          weight: meta.weight,
          title: d.title,
          explanation: d.explanation,
          evidence: d.evidence,
          indicator: { id: meta.id, source: meta.indicator.source, url: meta.indicator.url },
          nextStep: d.nextStep,
          ...(d.msg ? { msg: d.msg } : {}),
        });
        if (!f.success) throw new Error(`the rule returned an invalid finding (${f.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
        findings.push(f.data);
      }
    } catch (e) {
      findings.push({
        ruleId: meta.id,
        category: meta.category,
        severity: 'info',
        weight: 'weak',
        title: `Check "${meta.title}" could not run`,
        explanation: `The rule failed on this profile (${e instanceof Error ? e.message : String(e)}); its signal is unknown.`,
        evidence: [],
        indicator: { id: meta.id, source: meta.indicator.source, url: meta.indicator.url },
        nextStep: 'Check this part of the profile by hand.',
      });
    }
  }
  return findings;
}

export function analyze(profile: Profile, opts: RunOptions = {}): Report {
  const findings = runRules(profile, opts);
  const s = score(findings);
  return Report.parse({
    source: profile.source,
    name: profile.name,
    findings,
    score: s.score,
    level: s.level,
    levelReason: s.reason,
    missing: profile.missing,
    rulesetVersion: RULESET_VERSION,
    createdAt: (opts.now ?? new Date()).toISOString(),
  });
}

export type { Level };
export { score };
