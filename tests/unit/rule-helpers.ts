/** Shared checks for the per-rule tests. */
import { expect } from 'vitest';
import type { Profile } from '../../lib/profile/schema';
import { Finding } from '../../lib/report/schema';
import type { FindingDraft, Rule } from '../../lib/rules';
import { NOW, resolvePath } from './helpers';

export const ctx = { now: NOW };
export const check = (rule: Rule, p: Profile, now: Date = NOW): FindingDraft[] => rule.check(p, { now });

/** Evidence paths resolve to values in the profile, and the drafts make valid findings with sane wording. */
export function expectValid(rule: Rule, p: Profile, drafts: FindingDraft[]): void {
  for (const d of drafts) {
    expect(d.evidence.length, d.title).toBeGreaterThan(0);
    for (const ev of d.evidence) {
      const v = resolvePath(p, ev.field);
      expect(v, `${ev.field} should point at a value in the profile`).not.toBeUndefined();
      expect(v, `${ev.field} should not be null`).not.toBeNull();
    }
    const f = Finding.safeParse({
      ruleId: rule.meta.id,
      category: rule.meta.category,
      severity: d.severity ?? rule.meta.severity,
      weight: rule.meta.weight,
      title: d.title,
      explanation: d.explanation,
      evidence: d.evidence,
      indicator: { id: rule.meta.id, ...rule.meta.indicator },
      nextStep: d.nextStep,
    });
    expect(f.success).toBe(true);
    // Never a verdict on the person, never advice to reject.
    const words = `${d.title} ${d.explanation} ${d.nextStep}`;
    expect(words).not.toMatch(/\b(is|are|probably|likely) (a )?north korean\b/i);
    expect(words).not.toMatch(/\b(reject|do not hire|don't hire|decline the candidate)\b/i);
  }
}

/** Runs the rule, checks the drafts and returns them. */
export function fire(rule: Rule, p: Profile, now: Date = NOW): FindingDraft[] {
  const d = check(rule, p, now);
  expectValid(rule, p, d);
  return d;
}
