import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FOLDED, NOT_CHECKABLE, PENDING_RULES } from '../../lib/rules/catalogue';
import { DOC_PATH, renderRulesDoc } from '../../lib/rules/docs';
import { RULES } from '../../lib/rules';

describe('docs/rules.md', () => {
  it('is up to date with the rules (run `npm run docs:rules` after changing a rule)', () => {
    expect(readFileSync(DOC_PATH, 'utf8')).toBe(renderRulesDoc());
  });

  it('lists every rule with its source URL, the pending and folded indicators, the uncheckable ones and 3+ worked examples', () => {
    const doc = renderRulesDoc();
    for (const { meta } of RULES) {
      expect(doc).toContain(`### ${meta.id}`);
      expect(doc).toContain(meta.indicator.url);
      expect(doc).toContain(meta.description);
    }
    for (const m of PENDING_RULES) expect(doc).toContain(`| ${m.id} |`);
    for (const f of FOLDED) expect(doc).toContain(`**${f.id}**`);
    for (const n of NOT_CHECKABLE) expect(doc).toContain(n.reason);
    const examples = doc.split('### Worked examples')[1]!.split('\n').filter((l) => /\*\*(none|low|medium|high)\*\*/.test(l));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    expect(new Set(examples.map((l) => l.match(/\*\*(none|low|medium|high)\*\*/)![1]))).toEqual(new Set(['none', 'low', 'medium', 'high']));
  });

  it('pending and running rules do not share ids', () => {
    const running = new Set(RULES.map((r) => r.meta.id));
    for (const m of PENDING_RULES) expect(running.has(m.id)).toBe(false);
  });
});
