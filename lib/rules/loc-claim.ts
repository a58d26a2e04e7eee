import { parseLocation, toCountryCode } from '../extractors/parse';
import type { Evidence } from '../report/schema';
import type { Rule } from './types';
import { SOURCES } from './sources';
import { FAMILY } from './patterns';
import { clip, familiesOf, profileTexts, sentencesOf } from './text';
import { texts, draft } from './msg';

/** No prototype: page words such as "constructor" or "toString" must not look like entries. */
const ALIASES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  us: 'US', 'u.s': 'US', 'u.s.': 'US', usa: 'US', 'u.s.a': 'US', 'u.s.a.': 'US', america: 'US', american: 'US', 'united states': 'US',
  uk: 'GB', 'u.k': 'GB', 'u.k.': 'GB', britain: 'GB', british: 'GB', 'united kingdom': 'GB', england: 'GB', london: 'GB',
  korea: 'KR', 'south korea': 'KR', seoul: 'KR', canada: 'CA', canadian: 'CA', japan: 'JP', tokyo: 'JP',
});
/** "US-based", "UK based" — unless it describes the clients ("US-based startups"). */
export const X_BASED = /\b(U\.?S\.?A?\.?|United States|America|UK|U\.K\.|[A-Z][a-z]+(?: [A-Z][a-z]+)?)[- ]based\b(?!\s+(?:\w+\s+)?(?:clients?|compan(?:y|ies)|startups?|teams?|customers?|businesses|agenc(?:y|ies)|firms?|employers?|organi[sz]ations?|brands?|products?|projects?|enterprises?))/;
/** "I am based in Austin, TX", "currently living in Canada". */
export const BASED_IN = /\b(?:I am|I'm|I’m|I live|I reside|I work|currently|personally|am|myself)\b[^.!?]{0,25}?\b(?:based|located|living|residing|live|reside) in (?:the )?([A-Z][\w'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,3})/;

/**
 * Both patterns need "-based"/" based" (X_BASED) or a claim word followed by " in " (BASED_IN); most texts have
 * neither, so their sentences are skipped ("deliver" no longer splits a text into sentences for nothing).
 * tests/unit/patterns-gates.test.ts checks it matches wherever either pattern does.
 */
export const CLAIM_WORD = /[- ]based\b|\b(?:based|located|living|residing|live|reside) in /i;

function toCode(place: string): string | null {
  const p = place.trim().replace(/[.,]+$/, '');
  return ALIASES[p.toLowerCase()] ?? toCountryCode(p) ?? parseLocation(p).country;
}

export const locClaim: Rule = {
  meta: {
    id: 'loc-claim',
    title: 'Claims to be based in one country while the profile location is another',
    category: 'location',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'ADV22', url: SOURCES.ADV22.url },
    description:
      'Looks in the headline and overview for claims such as "US-based" or "I am based in Toronto" and compares the claimed country with the location the platform shows. The 2022 State/Treasury/FBI advisory and the FBI guidance (2023) note that IT workers using false identities claim to be in the US or another country they are not in. Phrases about clients ("US-based startups") are not counted; skipped when the location country is unknown.',
  },
  check(p) {
    const cc = p.location?.country;
    if (!cc) return [];
    const claims: { ev: Evidence; code: string; said: string }[] = [];
    for (const t of profileTexts(p, { reviews: false })) {
      if (t.field !== 'headline' && t.field !== 'overview') continue;
      if (!(familiesOf(t) & FAMILY.claim) || !CLAIM_WORD.test(t.text)) continue;
      for (const s of sentencesOf(t)) {
        for (const re of [X_BASED, BASED_IN]) {
          const m = s.match(re);
          if (!m) continue;
          const code = toCode(m[1]!);
          if (code && code !== cc) claims.push({ ev: { field: t.field, excerpt: clip(s) }, code, said: m[0] });
          if (code) break;
        }
      }
    }
    if (!claims.length) return [];
    const c = claims[0]!;
    return [
      draft(texts('f_locClaim', [c.code, cc, c.said, p.location!.raw], { explanation: c.ev.field === 'headline' ? 'f_locClaim_expl_headline' : 'f_locClaim_expl_overview' }), [...claims.map((x) => x.ev), { field: 'location.raw', excerpt: p.location!.raw }]),
    ];
  },
};
