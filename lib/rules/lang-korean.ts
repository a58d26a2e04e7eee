import type { Evidence } from '../report/schema';
import type { FindingDraft, Rule } from './types';
import { hitEvidence, hitsOf, pasteAnalysis } from './notes-helpers';
import { HANGUL } from './patterns';
import { SOURCES } from './sources';
import { clip, profileTexts } from './text';
import { capP, pasteNamesP, texts, draft } from './msg';

const KOREAN = /^(korean|한국어|조선어|조선말)\b/i;

export const langKorean: Rule = {
  meta: {
    id: 'lang-korean',
    title: 'Korean language while the stated location is outside South Korea',
    category: 'language',
    severity: 'low',
    weight: 'weak',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Notes Korean (Hangul) text in the headline or overview, or Korean among the languages, when the stated location is a country other than South Korea. The FBI guidance (2023) lists a preference for Korean while claiming another country among the signs. Millions of people speak Korean everywhere, so this is weak, never raises the level on its own, and is never a reason to reject anyone. Korean text in messages the hiring manager pasted counts the same way. Skipped when the location country is unknown.',
  },
  check(p, ctx) {
    const cc = p.location?.country;
    if (!cc || cc === 'KR') return [];
    const out: FindingDraft[] = [];
    const a = pasteAnalysis(p, ctx);
    const pasted = a ? hitsOf(a, 'korean') : [];
    if (pasted.length)
      out.push(draft(
        texts('f_langKoreanPasted', [capP(pasteNamesP(pasted)), p.location!.raw, cc], { explanation: pasted.length === 1 ? 'f_langKoreanPastedOne_expl' : 'f_langKoreanPastedMany_expl' }),
        [...hitEvidence(pasted), { field: 'location.country', excerpt: cc }],
      ));
    const evidence: Evidence[] = [];
    for (const t of profileTexts(p, { reviews: false })) {
      if (t.field !== 'headline' && t.field !== 'overview') continue;
      const m = t.text.match(HANGUL);
      if (m) evidence.push({ field: t.field, excerpt: clip(t.text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + m[0].length + 40)) });
    }
    p.languages.forEach((l, i) => {
      if (KOREAN.test(l.name.trim())) evidence.push({ field: `languages[${i}].name`, excerpt: `${l.name}${l.level ? ` (${l.level})` : ''}` });
    });
    if (!evidence.length) return out;
    return [
      ...out,
      draft(texts('f_langKorean', [evidence.map((e) => e.field).join(', '), p.location!.raw, cc]), [...evidence, { field: 'location.country', excerpt: cc }]),
    ];
  },
};
