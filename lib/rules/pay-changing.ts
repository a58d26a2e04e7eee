import type { NotesAnalysis, NotesHit } from '../notes/analyze';
import type { Profile } from '../profile/schema';
import type { Evidence } from '../report/schema';
import type { FindingDraft, Rule } from './types';
import { hitEvidence, hitsOf, pasteAnalysis, pasteNames } from './notes-helpers';
import { ANY_PROVIDER, PAYMENT_CHANGE as CHANGE, PROVIDERS } from './patterns';
import { SOURCES } from './sources';
import { clip, mentionsPayment, profileTexts, sentences } from './text';

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
  const reasons: string[] = [];
  if (changes.length) reasons.push(`a stated change ("${changes[0]!.match}")`);
  const switched = <H extends NotesHit>(hits: H[], key: (h: H) => string, what: string) => {
    const byPaste = new Map<number, H[]>();
    for (const h of hits) byPaste.set(h.paste, [...(byPaste.get(h.paste) ?? []), h]);
    const pastes = [...byPaste.entries()].sort((x, y) => x[0] - y[0]);
    for (let j = 1; j < pastes.length; j++) {
      const later = new Set(pastes[j]![1].map(key));
      const earlier = pastes.slice(0, j).find(([, hs]) => hs.every((h) => !later.has(key(h))));
      if (earlier) {
        changes.push(...earlier[1], ...pastes[j]![1]);
        reasons.push(`${what} differs between pasted text ${earlier[0] + 1} (${[...new Set(earlier[1].map(key))].join(', ')}) and pasted text ${pastes[j]![0] + 1} (${[...later].join(', ')})`);
        return;
      }
    }
  };
  switched(hitsOf(a, 'provider').filter((h) => h.provider !== 'bank transfer'), (h) => h.provider, 'the payment service');
  switched(hitsOf(a, 'wallet'), (h) => h.match, 'the wallet address');
  switched(hitsOf(a, 'payee'), (h) => h.name, 'the payee name');
  switched(hitsOf(a, 'bank-account'), (h) => h.value, 'the bank account');
  if (changes.length) {
    return [
      {
        title: 'Payment details changed (your notes)',
        explanation: `In your pasted payment instructions and messages, ${reasons.join('; ')}. The FBI guidance (PSA 2023) and the 2022 advisory list changing payment providers, accounts or methods as a red flag, since it can hide who receives the money.`,
        evidence: hitEvidence(changes),
        nextStep: 'Pay only through the platform to the verified account holder, and ask why the payment details changed.',
      },
    ];
  }
  if (a.providers.length < 3) return [];
  const provs = hitsOf(a, 'provider');
  return [
    {
      severity: 'low',
      title: `${a.providers.length} payment providers in your pasted text`,
      explanation: `${pasteNames(provs).replace(/^./, (c) => c.toUpperCase())} in your notes name ${a.providers.length} different payment providers or methods (${a.providers.join(', ')}). The FBI guidance (PSA 2023) and the 2022 advisory note that IT workers using false identities often use varying payment providers and accounts. Offering several methods is also common; this is a low-severity sign.`,
      evidence: hitEvidence(provs),
      nextStep: 'Pay only through the platform to the verified account holder.',
    },
  ];
}

function pageFindings(p: Profile): FindingDraft[] {
  const found = new Map<string, Evidence>();
  const changes: Evidence[] = [];
  for (const t of profileTexts(p)) {
    // A provider or change pattern that matches a sentence matches its whole text (no anchors or lookarounds), so the
    // sentences of a text are read only for the patterns its whole text matches; most texts match none.
    if (!mentionsPayment(t)) continue;
    const named = ANY_PROVIDER.test(t.text) ? PROVIDERS.filter(([, re]) => re.test(t.text)) : [];
    const change = CHANGE.test(t.text);
    if (!named.length && !change) continue;
    for (const s of sentences(t.text)) {
      if (INTEGRATION.test(s)) continue;
      for (const [name, re] of named) if (re.test(s) && !found.has(name)) found.set(name, { field: t.field, excerpt: clip(s) });
      if (change && CHANGE.test(s) && (PAY_WORD.test(s) || named.some(([, re]) => re.test(s)))) changes.push({ field: t.field, excerpt: clip(s) });
    }
  }
  if (changes.length) {
    return [
      {
        title: 'Payment details changed',
        explanation: `The profile text says the payment account or method changed ("${changes[0]!.excerpt}"). The FBI guidance (PSA 2023) and the 2022 advisory list changing payment providers or bank accounts as a red flag, since it can hide who receives the money.`,
        evidence: changes,
        nextStep: 'Pay only through the platform to the verified account holder, and ask why the payment details changed.',
      },
    ];
  }
  if (found.size < 3) return [];
  const names = [...found.keys()];
  const evidence = [...new Map([...found.values()].map((e) => [`${e.field}|${e.excerpt}`, e])).values()];
  return [
    {
      severity: 'low',
      title: `${found.size} payment providers mentioned`,
      explanation: `The profile mentions ${found.size} different payment providers or methods (${names.join(', ')}). The FBI guidance (PSA 2023) and the 2022 advisory note that IT workers using false identities often use varying payment providers and accounts. Accepting several methods is also common; this is a low-severity sign.`,
      evidence,
      nextStep: 'Pay only through the platform to the verified account holder.',
    },
  ];
}
