/**
 * The engine: runs the enabled rules over a Profile and turns their findings into a scored, levelled Report.
 * Pure and synchronous; a rule that throws is reported as an info finding instead of breaking the check.
 */
import { enrichProfile } from '../data/places';
import type { Profile } from '../profile/schema';
import { CATEGORIES, Finding, Indicator, INDICATOR_SOURCES, SEVERITIES, type Level, type Report } from '../report/schema';
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
  face?: RuleContext['face'];
}

export function runRules(profile: Profile, opts: RunOptions = {}): Finding[] {
  const ctx: RuleContext = { now: opts.now ?? new Date(), notes: opts.notes ?? null, history: opts.history ?? null, face: opts.face ?? null };
  const findings: Finding[] = [];
  for (const rule of opts.rules ?? RULES) {
    if (opts.disabled?.has(rule.meta.id)) continue;
    const { meta } = rule;
    try {
      for (const d of rule.check(profile, ctx)) {
        const candidate = {
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
        };
        // The quick check accepts exactly what the schema accepts (catalogue message keys included); the schema runs
        // only to word a rejection.
        const quick = quickFinding(candidate);
        if (quick) {
          findings.push(quick);
          continue;
        }
        const f = Finding.safeParse(candidate);
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

const CATEGORY_SET = new Set<string>(CATEGORIES);
const SEVERITY_SET = new Set<string>(SEVERITIES);
const SOURCE_SET = new Set<string>(INDICATOR_SOURCES);
const WEIGHT_SET = new Set<string>(['weak', 'medium', 'strong']);
const urlOk = new Map<string, boolean>();
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * The finding as the `Finding` schema would return it (evidence reduced to its two keys), or null when the schema
 * would reject it. Hand-written because zod parsing every finding was a third of the engine's time.
 */
export function quickFinding(c: {
  ruleId: unknown;
  category: unknown;
  severity: unknown;
  weight: unknown;
  title: unknown;
  explanation: unknown;
  evidence: unknown;
  indicator: { id: unknown; source: unknown; url: unknown };
  nextStep: unknown;
  msg?: unknown;
}): Finding | null {
  if (!nonEmpty(c.ruleId) || !nonEmpty(c.title) || !nonEmpty(c.explanation) || !nonEmpty(c.nextStep)) return null;
  if (!CATEGORY_SET.has(c.category as string) || !SEVERITY_SET.has(c.severity as string) || !WEIGHT_SET.has(c.weight as string)) return null;
  const { id, source, url } = c.indicator;
  if (!nonEmpty(id) || !SOURCE_SET.has(source as string) || typeof url !== 'string') return null;
  let ok = urlOk.get(url);
  if (ok === undefined) urlOk.set(url, (ok = Indicator.shape.url.safeParse(url).success));
  if (!ok || !Array.isArray(c.evidence)) return null;
  const evidence: Finding['evidence'] = [];
  for (const e of c.evidence as unknown[]) {
    if (!e || typeof e !== 'object') return null;
    const { field, excerpt } = e as Record<string, unknown>;
    if (!nonEmpty(field) || typeof excerpt !== 'string') return null;
    evidence.push({ field, excerpt });
  }
  let msg: Finding['msg'];
  if (c.msg !== undefined) {
    const m = quickMessage(c.msg);
    if (!m) return null;
    msg = m;
  }
  return {
    ruleId: c.ruleId,
    category: c.category as Finding['category'],
    severity: c.severity as Finding['severity'],
    weight: c.weight as Finding['weight'],
    title: c.title,
    explanation: c.explanation,
    evidence,
    indicator: { id, source: source as Finding['indicator']['source'], url },
    nextStep: c.nextStep,
    ...(msg ? { msg } : {}),
  };
}

/** `FindingMessage` by hand: optional non-empty keys, up to 9 string params; unknown keys dropped as zod does. */
function quickMessage(m: unknown): Finding['msg'] | null {
  if (!m || typeof m !== 'object' || Array.isArray(m)) return null;
  const { title, explanation, nextStep, params } = m as Record<string, unknown>;
  if (!Array.isArray(params) || params.length > 9) return null;
  for (const x of params as unknown[]) if (typeof x !== 'string') return null;
  if ((title !== undefined && !nonEmpty(title)) || (explanation !== undefined && !nonEmpty(explanation)) || (nextStep !== undefined && !nonEmpty(nextStep))) return null;
  const out: Partial<NonNullable<Finding['msg']>> = {};
  if (title !== undefined) out.title = title;
  if (explanation !== undefined) out.explanation = explanation;
  if (nextStep !== undefined) out.nextStep = nextStep;
  return { ...out, params: [...(params as string[])] };
}

/**
 * Enriches the profile (countries from cities and localized names, lib/data/places.ts), runs the rules and scores.
 * Evidence paths refer to the enriched profile; callers that show or store the profile use `enrichProfile` too.
 */
export function analyze(profile: Profile, opts: RunOptions = {}): Report {
  const findings = runRules(enrichProfile(profile), opts);
  const s = score(findings, false);
  // Every part is already valid (findings checked above, the rest from a validated Profile), so no second parse.
  return {
    source: { ...profile.source },
    name: profile.name,
    findings,
    score: s.score,
    level: s.level,
    levelReason: s.reason,
    missing: [...profile.missing],
    rulesetVersion: RULESET_VERSION,
    createdAt: (opts.now ?? new Date()).toISOString(),
  };
}

export type { Level };
export { score };
