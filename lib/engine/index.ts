/**
 * The engine: runs the enabled rules over a Profile and turns their findings into a scored, levelled Report.
 * Pure and synchronous; a rule that throws is reported as an info finding instead of breaking the check.
 */
import { enrichProfile } from '../data/places';
import type { Profile } from '../profile/schema';
import { CATEGORIES, Finding, Indicator, INDICATOR_SOURCES, SEVERITIES, type Level, type Report } from '../report/schema';
import { RULES, RULESET_VERSION, type Rule, type RuleContext, type RuleMeta } from '../rules';
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
        const severity = opts.severity?.get(meta.id) ?? d.severity ?? meta.severity;
        // The quick check accepts exactly what the schema accepts (catalogue message keys included); the schema runs
        // only to word a rejection. The rule's own fields (id, category, weight, indicator) are checked once per meta.
        const quick = metaOk(meta) && SEVERITY_SET.has(severity) ? quickDraft(meta.id, meta.category, severity, meta.weight, d, d.msg || undefined, meta.id, meta.indicator.source, meta.indicator.url) : null;
        if (quick) {
          findings.push(quick);
          continue;
        }
        const candidate = {
          ruleId: meta.id,
          category: meta.category,
          severity,
          weight: meta.weight,
          title: d.title,
          explanation: d.explanation,
          evidence: d.evidence,
          indicator: { id: meta.id, source: meta.indicator.source, url: meta.indicator.url },
          nextStep: d.nextStep,
          ...(d.msg ? { msg: d.msg } : {}),
        };
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
const validUrl = (url: unknown): boolean => {
  if (typeof url !== 'string') return false;
  let ok = urlOk.get(url);
  if (ok === undefined) urlOk.set(url, (ok = Indicator.shape.url.safeParse(url).success));
  return ok;
};

/**
 * Whether a rule's own finding fields (id, category, weight, indicator source and URL) pass the schema. Remembered per
 * meta object with the values checked, so a meta edited since is checked again.
 */
const metaChecked = new WeakMap<RuleMeta, { id: unknown; category: unknown; weight: unknown; source: unknown; url: unknown; ok: boolean }>();
function metaOk(meta: RuleMeta): boolean {
  const { id, category, weight } = meta;
  const { source, url } = meta.indicator;
  const c = metaChecked.get(meta);
  if (c && c.id === id && c.category === category && c.weight === weight && c.source === source && c.url === url) return c.ok;
  const ok = nonEmpty(id) && CATEGORY_SET.has(category) && WEIGHT_SET.has(weight) && SOURCE_SET.has(source) && validUrl(url);
  metaChecked.set(meta, { id, category, weight, source, url, ok });
  return ok;
}

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
  if (!nonEmpty(c.ruleId)) return null;
  if (!CATEGORY_SET.has(c.category as string) || !SEVERITY_SET.has(c.severity as string) || !WEIGHT_SET.has(c.weight as string)) return null;
  const { id, source, url } = c.indicator;
  if (!nonEmpty(id) || !SOURCE_SET.has(source as string) || !validUrl(url)) return null;
  return quickDraft(c.ruleId, c.category as string, c.severity as string, c.weight as string, c, c.msg, id, source as string, url as string);
}

/**
 * The per-finding part of `quickFinding` (texts, evidence, message keys), the other fields being already checked:
 * the Finding, or null when the schema would reject it. Built field by field, in the schema's key order.
 */
function quickDraft(
  ruleId: string,
  category: string,
  severity: string,
  weight: string,
  d: { title: unknown; explanation: unknown; nextStep: unknown; evidence: unknown },
  msg: unknown,
  id: string,
  source: string,
  url: string,
): Finding | null {
  if (!nonEmpty(d.title) || !nonEmpty(d.explanation) || !nonEmpty(d.nextStep) || !Array.isArray(d.evidence)) return null;
  const evidence: Finding['evidence'] = [];
  for (const e of d.evidence as unknown[]) {
    if (!e || typeof e !== 'object') return null;
    const { field, excerpt } = e as Record<string, unknown>;
    if (!nonEmpty(field) || typeof excerpt !== 'string') return null;
    evidence.push({ field, excerpt });
  }
  const f: Finding = {
    ruleId,
    category: category as Finding['category'],
    severity: severity as Finding['severity'],
    weight: weight as Finding['weight'],
    title: d.title,
    explanation: d.explanation,
    evidence,
    indicator: { id, source: source as Finding['indicator']['source'], url },
    nextStep: d.nextStep,
  };
  if (msg !== undefined) {
    const m = quickMessage(msg);
    if (!m) return null;
    f.msg = m;
  }
  return f;
}

/** `FindingMessage` by hand: optional non-empty keys, up to 9 string params; unknown keys dropped as zod does. */
function quickMessage(m: unknown): Finding['msg'] | null {
  if (!m || typeof m !== 'object' || Array.isArray(m)) return null;
  const { title, explanation, nextStep, params } = m as Record<string, unknown>;
  if (!Array.isArray(params) || params.length > 9) return null;
  for (const x of params as unknown[]) if (typeof x !== 'string') return null;
  if ((title !== undefined && !nonEmpty(title)) || (explanation !== undefined && !nonEmpty(explanation)) || (nextStep !== undefined && !nonEmpty(nextStep))) return null;
  // Property by property (not a spread followed by `params`, which is slow in V8), in the schema's key order.
  const out = {} as NonNullable<Finding['msg']>;
  if (title !== undefined) out.title = title;
  if (explanation !== undefined) out.explanation = explanation;
  if (nextStep !== undefined) out.nextStep = nextStep;
  out.params = (params as string[]).slice();
  return out;
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
    createdAt: isoTime(opts.now ?? new Date()),
  };
}

/**
 * `d.toISOString()`, remembered for the last time seen: a batch of checks shares one `now`, and formatting it is a
 * microsecond each time. Keyed by the time value, so a Date changed in place or another Date is formatted afresh (an
 * invalid one throws as toISOString does: NaN never equals the last time).
 */
let lastTime = NaN;
let lastIso = '';
function isoTime(d: Date): string {
  const t = d.getTime();
  if (t !== lastTime) {
    lastIso = d.toISOString();
    lastTime = t;
  }
  return lastIso;
}

export type { Level };
export { score };
