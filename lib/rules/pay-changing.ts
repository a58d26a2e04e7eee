import type { NotesAnalysis, NotesHit } from '../notes/analyze';
import type { Profile } from '../profile/schema';
import type { Evidence } from '../report/schema';
import type { FindingDraft, Rule } from './types';
import { hitEvidence, hitsOf, pasteAnalysis } from './notes-helpers';
import { FAMILY, PATTERN_FAMILIES, PAYMENT_CHANGE as CHANGE, PROVIDERS } from './patterns';
import { SOURCES } from './sources';
import { clip, familiesOf, mentionsPayment, profileTexts, sentencesOf } from './text';
import { capP, joinP, nest, pasteNamesP, texts, draft, type MsgParam } from './msg';

const CHANGE_FAMILIES = PATTERN_FAMILIES.get(CHANGE)!;

export { PROVIDERS };
const INTEGRATION = /\b(integrat\w*|sdk|api|gateway|checkout|plugin)\b/i;
const PAY_WORD = /\b(payment|bank|account)\b/i;

export const payChanging: Rule = {
  meta: {
    id: 'pay-changing',
    title: 'Several payment providers, or payment details that change',
    category: 'payment',
    severity: 'medium',
    weight: 'medium',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Counts the payment providers named in the overview, payment notes and review texts, and looks for payment details that changed. The FBI guidance (2023) and the 2022 advisory list varying payment providers, bank accounts and methods as a red flag. Three or more providers alone is a low-severity finding; a stated change of account is medium. In the hiring manager\'s pasted payment instructions and messages, a later paste that names only other providers than an earlier one, different wallet addresses, bank accounts or payee names across pastes, or a stated change are medium; three or more providers across the pastes are low.',
  },
  check(p, ctx) {
    const a = pasteAnalysis(p, ctx);
    const fromNotes = a ? notesFinding(a) : [];
    return [...fromNotes, ...pageFindings(p)];
  },
};

/** Changes across pastes: a later paste naming only other providers, other wallets or other payees; or a stated change. */
function notesFinding(a: NotesAnalysis): FindingDraft[] {
  const changes: NotesHit[] = [...hitsOf(a, 'payment-change')];
  const reasons: MsgParam[] = [];
  if (changes.length) reasons.push(nest('f_payChanged_stated', changes[0]!.match));
  const switched = <H extends NotesHit>(hits: H[], key: (h: H) => string, what: string) => {
    const byPaste = new Map<number, H[]>();
    for (const h of hits) byPaste.set(h.paste, [...(byPaste.get(h.paste) ?? []), h]);
    const pastes = [...byPaste.entries()].sort((x, y) => x[0] - y[0]);
    for (let j = 1; j < pastes.length; j++) {
      const later = new Set(pastes[j]![1].map(key));
      const earlier = pastes.slice(0, j).find(([, hs]) => hs.every((h) => !later.has(key(h))));
      if (earlier) {
        changes.push(...earlier[1], ...pastes[j]![1]);
        reasons.push(nest('f_payChanged_differs', nest(what), earlier[0] + 1, [...new Set(earlier[1].map(key))].join(', '), pastes[j]![0] + 1, [...later].join(', ')));
        return;
      }
    }
  };
  switched(hitsOf(a, 'provider').filter((h) => h.provider !== 'bank transfer'), (h) => h.provider, 'f_payChanged_service');
  switched(hitsOf(a, 'wallet'), (h) => h.match, 'f_payChanged_wallet');
  switched(hitsOf(a, 'payee'), (h) => h.name, 'f_payChanged_payee');
  switched(hitsOf(a, 'bank-account'), (h) => h.value, 'f_payChanged_bank');
  if (changes.length) {
    return [
      draft(texts('f_payChangedNotes', [joinP(reasons, 'l_semi')], { nextStep: 'f_payChanged_next' }), hitEvidence(changes)),
    ];
  }
  if (a.providers.length < 3) return [];
  const provs = hitsOf(a, 'provider');
  return [
    draft(texts('f_payProvidersNotes', [a.providers.length, capP(pasteNamesP(provs)), a.providers.join(', ')], { nextStep: 'f_payProviders_next' }), hitEvidence(provs), 'low'),
  ];
}

function pageFindings(p: Profile): FindingDraft[] {
  const found = new Map<string, Evidence>();
  const changes: Evidence[] = [];
  for (const t of profileTexts(p)) {
    // A provider or change pattern that matches a sentence matches its whole text (no anchors or lookarounds), so the
    // sentences of a text are read only for the patterns its whole text matches; most texts match none.
    if (!mentionsPayment(t)) continue;
    const fam = familiesOf(t);
    // Only the providers whose words the text has (each provider's family, patterns.ts PATTERN_FAMILIES).
    const named = fam & FAMILY.provider ? PROVIDERS.filter(([, re]) => (fam & PATTERN_FAMILIES.get(re)!) === PATTERN_FAMILIES.get(re) && re.test(t.text)) : [];
    const change = (fam & CHANGE_FAMILIES) === CHANGE_FAMILIES && CHANGE.test(t.text);
    if (!named.length && !change) continue;
    for (const s of sentencesOf(t)) {
      if (INTEGRATION.test(s)) continue;
      for (const [name, re] of named) if (re.test(s) && !found.has(name)) found.set(name, { field: t.field, excerpt: clip(s) });
      if (change && CHANGE.test(s) && (PAY_WORD.test(s) || named.some(([, re]) => re.test(s)))) changes.push({ field: t.field, excerpt: clip(s) });
    }
  }
  if (changes.length) {
    return [
      draft(texts('f_payChanged', [changes[0]!.excerpt]), changes),
    ];
  }
  if (found.size < 3) return [];
  const names = [...found.keys()];
  const evidence = [...new Map([...found.values()].map((e) => [`${e.field}|${e.excerpt}`, e])).values()];
  return [
    draft(texts('f_payProviders', [found.size, names.join(', ')]), evidence, 'low'),
  ];
}
