/** Shared builders and checks for the tests of the manager's notes (analysis, rules, panel, CLI). */
import { expect } from 'vitest';
import { emptyNotes, ManagerNotes, type PastedText } from '../../lib/notes/schema';
import type { Profile } from '../../lib/profile/schema';
import { Finding } from '../../lib/report/schema';
import type { FindingDraft, Rule } from '../../lib/rules';
import { NOW, resolvePath } from './helpers';

export function paste(kind: PastedText['kind'], text: string, addedAt = NOW.toISOString()): PastedText {
  return { kind, text, addedAt };
}

/** Valid notes (parsed, so a bad override fails loudly). */
export function makeNotes(over: Partial<ManagerNotes> = {}): ManagerNotes {
  return ManagerNotes.parse({ ...emptyNotes(NOW), ...over });
}

export const concernOn = (note = '') => ({ answer: 'concern' as const, note });

/** Runs a rule with notes; checks evidence paths resolve in the profile or the notes, and the wording. */
export function fireN(rule: Rule, p: Profile, notes: ManagerNotes | null): FindingDraft[] {
  const drafts = rule.check(p, { now: NOW, notes });
  for (const d of drafts) {
    expect(d.evidence.length, d.title).toBeGreaterThan(0);
    for (const ev of d.evidence) {
      const v = resolvePath({ ...p, notes }, ev.field);
      expect(v, `${ev.field} should point at a value in the profile or the notes`).not.toBeUndefined();
      expect(v).not.toBeNull();
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
    expect(f.success, JSON.stringify(f.error?.issues)).toBe(true);
    const words = `${d.title} ${d.explanation} ${d.nextStep}`;
    expect(words).not.toMatch(/\b(is|are|probably|likely) (a )?north korean\b/i);
    expect(words).not.toMatch(/\b(reject|do not hire|don't hire|decline the candidate)\b/i);
  }
  return drafts;
}
