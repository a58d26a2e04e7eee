/**
 * Scoring. Points per severity; within a category the strongest finding counts fully and each further one adds a
 * point (so one noisy category cannot dominate). Levels:
 * - high: a strong-weight finding of high severity, or medium-or-stronger findings in 3+ categories;
 * - medium: a medium- or strong-weight finding of medium+ severity, or weak findings in 3+ independent categories;
 * - low: any finding of low severity or more (a weak signal alone never goes above low);
 * - none: nothing, or only info.
 */
import { encodeParam } from '../msg-render';
import type { Finding, Level, Severity } from '../report/schema';

export const POINTS: Record<Severity, number> = { info: 0, low: 1, medium: 3, high: 6 };
const RANK = new Map<string, number>([['info', 0], ['low', 1], ['medium', 2], ['high', 3]]);
const rank = (s: Severity) => RANK.get(s) ?? -1;

/** The reason as catalogue key + params (`reason_*` in public/_locales; the English catalogue says what `reason` says). */
export interface ReasonMsg {
  key: string;
  params: string[];
}

/** A finding's title as a param: its catalogue message when it has one, so the reason reads in the user's language. */
const titleParam = (f: Finding): string => (f.msg?.title ? encodeParam({ key: f.msg.title, encoded: f.msg.params }) : encodeParam(f.title));

/**
 * `withMsg` false leaves the finding title out of `reasonMsg.params` (analyze(): the Report keeps only the English
 * reason, and the title's catalogue param is the costly part; the UI calls score() again with the default).
 */
export function score(findings: readonly Finding[], withMsg = true): { score: number; level: Level; reason: string; reasonMsg: ReasonMsg } {
  const counted = findings.filter((f) => f.severity !== 'info');
  if (!counted.length) return { score: 0, level: 'none', reason: 'No red flags were found in what could be read.', reasonMsg: { key: 'reason_none', params: [] } };
  const byCat = new Map<string, Finding[]>();
  for (const f of counted) {
    const fs = byCat.get(f.category);
    if (fs) fs.push(f);
    else byCat.set(f.category, [f]);
  }
  let total = 0;
  for (const fs of byCat.values()) {
    const pts = fs.map((f) => POINTS[f.severity]).sort((a, b) => b - a);
    total += pts[0]! + Math.min(pts.length - 1, pts[0]!);
  }
  const strongHigh = counted.filter((f) => f.weight === 'strong' && f.severity === 'high');
  const nonWeakMed = counted.filter((f) => f.weight !== 'weak' && rank(f.severity) >= 2);
  const nonWeakCats = new Set(nonWeakMed.map((f) => f.category));
  const cats = byCat.size;
  if (strongHigh.length)
    return {
      score: total,
      level: 'high',
      reason: `A strong sign was found (${strongHigh[0]!.title}); ${cats} categor${cats === 1 ? 'y has' : 'ies have'} flags.`,
      reasonMsg: { key: cats === 1 ? 'reason_strongOneCat' : 'reason_strong', params: [withMsg ? titleParam(strongHigh[0]!) : '', String(cats)] },
    };
  if (nonWeakCats.size >= 3)
    return {
      score: total,
      level: 'high',
      reason: `Medium-or-stronger signs in ${nonWeakCats.size} independent categories.`,
      reasonMsg: { key: 'reason_manyCats', params: [String(nonWeakCats.size)] },
    };
  if (nonWeakMed.length)
    return {
      score: total,
      level: 'medium',
      reason: `A medium-strength sign was found (${nonWeakMed[0]!.title}).`,
      reasonMsg: { key: 'reason_medium', params: [withMsg ? titleParam(nonWeakMed[0]!) : ''] },
    };
  if (cats >= 3)
    return { score: total, level: 'medium', reason: `Weak signs in ${cats} independent categories together.`, reasonMsg: { key: 'reason_weakCats', params: [String(cats)] } };
  return {
    score: total,
    level: 'low',
    reason: `Only weak sign${counted.length > 1 ? 's' : ''} in ${cats} categor${cats === 1 ? 'y' : 'ies'}: on ${counted.length > 1 ? 'their' : 'its'} own ${counted.length > 1 ? 'they do' : 'it does'} not raise the level.`,
    reasonMsg: { key: counted.length === 1 ? 'reason_weakOne' : cats === 1 ? 'reason_weakManyOneCat' : 'reason_weakMany', params: [String(cats)] },
  };
}
