import { parseDuration } from '../extractors/parse';
import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { clip, monthIndex, monthOf, profileTexts, sentencesOf } from './text';
import { nest, texts, draft, type MsgParam } from './msg';

/** The account counts as young below this age at the time of the check. */
export const YOUNG_ACCOUNT_MONTHS = 24;
/** The claimed career must have started at least this long before the account was opened. */
export const CAREER_LEAD_MONTHS = 72;

/** "10+ years of experience", "over 8 years in software", "8 yrs experience", "a decade of experience". */
export const YEARS_CLAIM =
  /\b(?:over |more than |nearly |almost |about )?(\d{1,2})\+?\s*(?:years?|yrs?)\b(?:\s+of)?(?:\s+(?:professional|industry|hands-on|commercial|development|software|engineering|work))*\s+(?:experience|exp\b|in (?:software|the industry|development|engineering|web|it\b|tech))/i;
export const DECADE = /\b(?:a|one|over a|more than a) decade of (?:professional |industry )?experience\b/i;
/** Either claim needs "year(s)"/"yr(s)" or "decade": a text without them is not split into sentences. */
export const YEARS_WORD = /y(?:ears?|rs?)\b|decade/i;

interface CareerClaim {
  /** First month of the claimed career (months since year 0). */
  start: number;
  evidence: Evidence;
  said: string;
  /** `said` as a catalogue phrase. */
  saidP: MsgParam;
}

function earliestEmployment(p: Parameters<Rule['check']>[0]): CareerClaim | null {
  let best: CareerClaim | null = null;
  p.employment.forEach((e, i) => {
    if (!e.start) return;
    const start = monthIndex(e.start, 'first');
    if (!best || start < best.start)
      best = { start, evidence: { field: `employment[${i}].start`, excerpt: `${e.company ?? '(no company)'}: ${e.start}` }, said: `work history from ${e.start}`, saidP: nest('f_githubYoung_from', e.start) };
  });
  return best;
}

function yearsClaim(p: Parameters<Rule['check']>[0], nowMonth: number): CareerClaim | null {
  for (const t of profileTexts(p, { reviews: false })) {
    if ((t.field !== 'headline' && t.field !== 'overview') || !YEARS_WORD.test(t.text)) continue;
    for (const s of sentencesOf(t)) {
      const m = s.match(YEARS_CLAIM) ?? s.match(DECADE);
      if (!m) continue;
      const months = m[1] ? parseDuration(`${m[1]} years`) : 120;
      if (!months) continue;
      return { start: nowMonth - months, evidence: { field: t.field, excerpt: clip(s) }, said: `"${m[0].trim()}"`, saidP: nest('f_githubYoung_quote', m[0].trim()) };
    }
  }
  return null;
}

export const githubYoung: Rule = {
  meta: {
    id: 'github-young',
    title: 'GitHub account much younger than the claimed career',
    category: 'links',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'SEAL', url: SOURCES.SEAL.url },
    description: `On a GitHub profile page: reports an account opened less than ${YOUNG_ACCOUNT_MONTHS} months before the check (the "Joined" date, or the earliest contribution year) when the profile claims a career that started at least ${CAREER_LEAD_MONTHS / 12} years before the account was opened (the earliest employment start, or "N years of experience" in the bio). The Security Alliance framework on DPRK IT workers lists freshly made GitHub accounts presented as long-standing developer identities. Many developers open an account late or keep their work private, so it is a prompt to look closer, not a conclusion. Skipped on other sites and when the join date or the career claim is missing.`,
  },
  check(p, ctx) {
    if (p.source.platform !== 'github' || !p.account.memberSince) return [];
    const now = monthOf(ctx.now);
    const joined = monthIndex(p.account.memberSince, 'first');
    const age = now - joined;
    if (age < 0 || age >= YOUNG_ACCOUNT_MONTHS) return [];
    const claims = [earliestEmployment(p), yearsClaim(p, now)].filter((c): c is CareerClaim => c !== null);
    if (!claims.length) return [];
    const claim = claims.reduce((a, b) => (b.start < a.start ? b : a));
    const lead = joined - claim.start;
    if (lead < CAREER_LEAD_MONTHS) return [];
    const years = Math.floor(lead / 12);
    return [
      draft(texts('f_githubYoung', [age, years, p.account.memberSince, claim.saidP], age === 1 ? { title: 'f_githubYoungOne_title' } : {}), [{ field: 'account.memberSince', excerpt: p.account.memberSince }, claim.evidence]),
    ];
  },
};
