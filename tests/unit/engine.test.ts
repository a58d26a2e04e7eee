import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, quickFinding, runRules, score } from '../../lib/engine';
import { POINTS } from '../../lib/engine/score';
import { CATEGORIES, Finding, INDICATOR_SOURCES, Report, SEVERITIES, type Category, type Severity } from '../../lib/report/schema';
import { RULES, RULESET_VERSION, type Rule } from '../../lib/rules';
import { photoMissing } from '../../lib/rules/photo-missing';
import { extractFixture, makeProfile, NOW } from './helpers';

let n = 0;
function finding(category: Category, severity: Severity, weight: Finding['weight'], title = `finding ${++n}`): Finding {
  return {
    ruleId: `test-${category}-${severity}-${weight}`,
    category,
    severity,
    weight,
    title,
    explanation: 'test explanation',
    evidence: [{ field: 'name', excerpt: 'x' }],
    indicator: { id: 'test', source: 'PSA23', url: 'https://www.ic3.gov/PSA/2023/PSA231018' },
    nextStep: 'verify',
  };
}

function rule(id: string, check: Rule['check'], over: Partial<Rule['meta']> = {}): Rule {
  return {
    meta: {
      id,
      title: `Rule ${id}`,
      category: 'text',
      severity: 'low',
      weight: 'weak',
      indicator: { source: 'PSA23', url: 'https://www.ic3.gov/PSA/2023/PSA231018' },
      description: 'test rule',
      ...over,
    },
    check,
  };
}

describe('score', () => {
  it('no findings → none, score 0', () => {
    expect(score([])).toMatchObject({ score: 0, level: 'none' });
  });

  it('only info findings → none', () => {
    expect(score([finding('photo', 'info', 'weak'), finding('text', 'info', 'strong')])).toMatchObject({ score: 0, level: 'none' });
  });

  it('a single weak finding → low', () => {
    const s = score([finding('photo', 'low', 'weak')]);
    expect(s).toMatchObject({ score: POINTS.low, level: 'low' });
    expect(s.reason).toMatch(/weak/i);
  });

  it('weak findings in two categories stay low', () => {
    expect(score([finding('photo', 'low', 'weak'), finding('education', 'low', 'weak')])).toMatchObject({ score: 2, level: 'low' });
  });

  it('weak findings in 3 categories → medium', () => {
    const s = score([finding('photo', 'low', 'weak'), finding('education', 'low', 'weak'), finding('payment', 'low', 'weak')]);
    expect(s).toMatchObject({ score: 3, level: 'medium' });
    expect(s.reason).toContain('3');
  });

  it('many weak findings in one category stay low', () => {
    const fs = [1, 2, 3, 4].map(() => finding('text', 'low', 'weak'));
    // The strongest counts fully (1), further ones add at most as much again (1).
    expect(score(fs)).toMatchObject({ score: 2, level: 'low' });
  });

  it('a weak finding never lifts the level above low on its own, whatever its severity', () => {
    expect(score([finding('photo', 'high', 'weak')])).toMatchObject({ score: POINTS.high, level: 'low' });
  });

  it('a medium-weight finding of medium severity → medium', () => {
    const f = finding('location', 'medium', 'medium', 'Time zone mismatch');
    const s = score([f]);
    expect(s).toMatchObject({ score: POINTS.medium, level: 'medium' });
    expect(s.reason).toContain('Time zone mismatch');
  });

  it('a strong high finding → high', () => {
    const s = score([finding('employment', 'high', 'strong', 'Front company')]);
    expect(s).toMatchObject({ score: POINTS.high, level: 'high' });
    expect(s.reason).toContain('Front company');
  });

  it('a strong finding of only medium severity → medium, not high', () => {
    expect(score([finding('employment', 'medium', 'strong')]).level).toBe('medium');
  });

  it('medium-or-stronger findings in 3 categories → high', () => {
    const fs = [finding('location', 'medium', 'medium'), finding('payment', 'medium', 'medium'), finding('links', 'medium', 'medium')];
    expect(score(fs)).toMatchObject({ score: 9, level: 'high' });
  });

  it('adds one point per further finding in a category, capped by the strongest', () => {
    // high (6) + two more in the same category (+2) + a low elsewhere (1).
    const fs = [finding('employment', 'high', 'strong'), finding('employment', 'low', 'weak'), finding('employment', 'medium', 'medium'), finding('photo', 'low', 'weak')];
    expect(score(fs).score).toBe(6 + 2 + 1);
  });
});

describe('runRules', () => {
  it('copies ruleId, category, weight and indicator from the rule meta', () => {
    const r = rule('custom', () => [{ title: 'T', explanation: 'E', evidence: [{ field: 'name', excerpt: 'x' }], nextStep: 'N' }], {
      category: 'payment',
      severity: 'medium',
      weight: 'medium',
    });
    const [f] = runRules(makeProfile(), { rules: [r], now: NOW });
    expect(f).toEqual({
      ruleId: 'custom',
      category: 'payment',
      severity: 'medium',
      weight: 'medium',
      title: 'T',
      explanation: 'E',
      evidence: [{ field: 'name', excerpt: 'x' }],
      indicator: { id: 'custom', source: 'PSA23', url: 'https://www.ic3.gov/PSA/2023/PSA231018' },
      nextStep: 'N',
    });
  });

  it('lets a draft override the severity', () => {
    const r = rule('sev', () => [{ title: 'T', explanation: 'E', evidence: [], nextStep: 'N', severity: 'high' }]);
    expect(runRules(makeProfile(), { rules: [r] })[0]!.severity).toBe('high');
  });

  it('passes the time of the check to the rules', () => {
    let seen: Date | undefined;
    runRules(makeProfile(), { rules: [rule('t', (_p, c) => ((seen = c.now), []))], now: NOW });
    expect(seen).toEqual(NOW);
  });

  it('runs the whole rule set by default', () => {
    const p = extractFixture('full-flagged');
    expect(runRules(p, { now: NOW })).toEqual(runRules(p, { rules: RULES, now: NOW }));
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const f of runRules(p, { now: NOW })) expect(ids.has(f.ruleId)).toBe(true);
    // A rule that fires on nothing here still runs: a spy appended to the set is called.
    let ran = false;
    runRules(p, { rules: [...RULES, rule('spy', () => ((ran = true), []))], now: NOW });
    expect(ran).toBe(true);
  });
});

describe('analyze', () => {
  it('returns a valid Report for the flagged fixture, level high', () => {
    const p = extractFixture('full-flagged');
    const r = analyze(p, { now: NOW });
    expect(Report.safeParse(r).success).toBe(true);
    expect(r.level).toBe('high');
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(
      ['edu-asia-emp-west', 'emp-front', 'lang-korean', 'off-platform', 'pay-advance', 'pay-crypto', 'pay-third-party', 'photo-missing'],
    );
    expect(r.source).toEqual(p.source);
    expect(r.name).toBe('Daniel K.');
    expect(r.missing).toEqual(p.missing);
    expect(r.rulesetVersion).toBe(RULESET_VERSION);
    expect(r.createdAt).toBe(NOW.toISOString());
    // photo (low, 1) + education (low, 1) + employment (high, 6) + language (low, 1) + links (low, 1)
    // + payment (third-party high 6, plus one point each for crypto and advance: 8).
    expect(r.score).toBe(18);
  });

  it('returns level none with no findings for the clean fixture', () => {
    // The fixture shows "10:41 am local time" in Austin: read it at the moment that clock is right (CST = UTC−6).
    const at = new Date('2025-03-01T16:41:00.000Z');
    const r = analyze(extractFixture('clean', at), { now: at });
    expect(Report.safeParse(r).success).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.level).toBe('none');
    expect(r.missing.sort()).toEqual(['links', 'reviews']);
  });

  it('rates the logged-out page low (only the missing photo) and reports the partial read', () => {
    const r = analyze(extractFixture('sparse-logged-out'), { now: NOW });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['photo-missing']);
    expect(r.level).toBe('low');
    expect(r.missing).toEqual(expect.arrayContaining(['education', 'employment', 'photo']));
  });

  it('turns a rule that throws into an info finding and keeps running the others', () => {
    const boom = rule('boom', () => {
      throw new Error('kaboom');
    }, { category: 'employment', severity: 'high', weight: 'strong' });
    const r = analyze(makeProfile({ photo: null, missing: ['photo'] }), { rules: [boom, photoMissing], now: NOW });
    expect(Report.safeParse(r).success).toBe(true);
    expect(r.findings).toHaveLength(2);
    const info = r.findings.find((f) => f.ruleId === 'boom')!;
    expect(info).toMatchObject({ severity: 'info', weight: 'weak', category: 'employment', evidence: [] });
    expect(info.explanation).toContain('kaboom');
    expect(r.findings.some((f) => f.ruleId === 'photo-missing')).toBe(true);
    // The failed strong rule does not count: only the weak photo finding is scored.
    expect(r.level).toBe('low');
    expect(r.score).toBe(1);
  });

  it('handles a rule that throws a non-Error value', () => {
    const r = analyze(makeProfile(), { rules: [rule('str', () => { throw 'plain string'; })] });
    expect(r.findings[0]!.explanation).toContain('plain string');
    expect(r.level).toBe('none');
  });

  it('skips disabled rules', () => {
    const p = extractFixture('full-flagged');
    const r = analyze(p, { disabled: new Set(['emp-front', 'pay-third-party', 'pay-crypto', 'pay-advance']), now: NOW });
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['edu-asia-emp-west', 'lang-korean', 'off-platform', 'photo-missing']);
    // Weak signs in 4 independent categories: medium, never high.
    expect(r.level).toBe('medium');
    const none = analyze(p, { disabled: new Set(RULES.map((x) => x.meta.id)), now: NOW });
    expect(none.findings).toEqual([]);
    expect(none.level).toBe('none');
  });

  it('does not run a disabled rule at all', () => {
    let ran = false;
    const r = rule('spy', () => ((ran = true), []));
    analyze(makeProfile(), { rules: [r], disabled: new Set(['spy']) });
    expect(ran).toBe(false);
  });
});

describe('quickFinding (the engine check that replaces zod on the happy path)', () => {
  const str = fc.oneof(fc.constant(''), fc.string({ maxLength: 6 }), fc.constant(1 as unknown as string));
  const candidate = fc.record({
    ruleId: str,
    category: fc.oneof(fc.constantFrom(...CATEGORIES), str),
    severity: fc.oneof(fc.constantFrom(...SEVERITIES), str),
    weight: fc.oneof(fc.constantFrom('weak', 'medium', 'strong'), str),
    title: str,
    explanation: str,
    evidence: fc.oneof(
      fc.array(fc.oneof(fc.record({ field: str, excerpt: str }), fc.record({ field: str, excerpt: str, match: str }), fc.constant(null)), { maxLength: 3 }),
      fc.constant('x'),
    ),
    indicator: fc.record({
      id: str,
      source: fc.oneof(fc.constantFrom(...INDICATOR_SOURCES), str),
      url: fc.constantFrom('https://www.ic3.gov/PSA/2023/PSA231018', 'not a url', '', 'http://x.y/z'),
    }),
    nextStep: str,
  });
  /** Catalogue message keys as rules write them, and the shapes the schema refuses (empty keys, >9 params, non-strings). */
  const msg = fc.oneof(
    fc.record(
      {
        title: fc.oneof(str, fc.constant(undefined)),
        explanation: fc.oneof(str, fc.constant(undefined)),
        nextStep: fc.oneof(str, fc.constant(undefined)),
        params: fc.oneof(fc.array(str, { maxLength: 11 }), fc.constant('x'), fc.constant(undefined)),
        extra: fc.constant(1),
      },
      { requiredKeys: ['params'] },
    ),
    fc.constant(null),
    fc.constant([]),
    fc.constant('f_key'),
  );
  const word = fc.string({ minLength: 1, maxLength: 6 });
  const valid = fc.record({
    ruleId: word,
    category: fc.constantFrom(...CATEGORIES),
    severity: fc.constantFrom(...SEVERITIES),
    weight: fc.constantFrom('weak', 'medium', 'strong'),
    title: word,
    explanation: word,
    evidence: fc.array(fc.record({ field: word, excerpt: fc.string({ maxLength: 6 }) }), { maxLength: 3 }),
    indicator: fc.record({ id: word, source: fc.constantFrom(...INDICATOR_SOURCES), url: fc.constant('https://www.ic3.gov/PSA/2023/PSA231018') }),
    nextStep: word,
  });
  const withMsg = fc.tuple(fc.oneof(valid, candidate), msg).map(([c, m]) => ({ ...c, msg: m }));

  it('accepts exactly what the Finding schema accepts and returns the same object', () => {
    fc.assert(
      fc.property(candidate, (c) => {
        const z = Finding.safeParse(c);
        const q = quickFinding(c);
        expect(q !== null).toBe(z.success);
        if (z.success) expect(q).toEqual(z.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('with catalogue message keys (msg): accepts exactly what the schema accepts and returns the same object', () => {
    let accepted = 0;
    fc.assert(
      fc.property(withMsg, (c) => {
        const z = Finding.safeParse(c);
        const q = quickFinding(c);
        expect(q !== null).toBe(z.success);
        if (z.success) {
          accepted++;
          expect(q).toEqual(z.data);
          expect(q!.msg).toEqual(z.data.msg);
        }
      }),
      { numRuns: 5000 },
    );
    // The generator reaches the accepting side too, so the equality above is exercised.
    expect(accepted).toBeGreaterThan(0);
  });

  it('a valid finding with msg keeps its keys and params', () => {
    const c = {
      ...finding('photo', 'low', 'weak'),
      msg: { title: 'f_photoNone_title', explanation: 'f_photoNone_expl', params: ['a', 'b'] },
    };
    expect(quickFinding(c)).toEqual(c);
    expect(quickFinding({ ...c, msg: { ...c.msg, params: Array.from({ length: 10 }, () => 'p') } })).toBeNull();
    expect(quickFinding({ ...c, msg: { ...c.msg, nextStep: '' } })).toBeNull();
  });
});
