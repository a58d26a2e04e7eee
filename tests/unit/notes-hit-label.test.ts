/**
 * What the pasted-text analysis found, as the notes panel lists it, in the user's language
 * (lib/ui/notes-hit-label.ts): in English every hit reads exactly as the analysis's own label, in Japanese every hit
 * with a message reads in Japanese with its data (address, name, host…) kept, and every `hit_` message of the
 * catalogue is used by some hit of the corpus below.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzePasted, type NotesHit } from '@/lib/notes/analyze';
import type { PastedText } from '@/lib/notes/schema';
import { hitLabel, hitMessage } from '@/lib/ui/notes-hit-label';
import { catalogue, installCatalogue } from './ui-helpers';

const en = catalogue('en');
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
afterEach(() => vi.restoreAllMocks());

const paste = (text: string): PastedText => ({ kind: 'payment', text, addedAt: '2026-11-01T00:00:00Z' });
const PASTES = [
  'For the first milestone please pay to my wallet bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 in Bitcoin.',
  'Or pay to this BTC address: 1BoatSLRHtKNngkdXEeobR76b53LETtpyT.',
  'ETH payment address: 0x52908400098527886E0F7030069857D2E4169EE7.',
  'USDT TRC20 payment wallet: TXk8bQ9mUx2VvK9ZK7YqPq3aLh5bqJtXW1.',
  'Payment via Payoneer please, my account is in Shenzhen, China.',
  'Please wire the payment to Bank of China, account no. 6222 0212 3456 7890.',
  'Payment by wire transfer, SWIFT code ICBKCNBJXXX.',
  'I need 50% of the payment upfront before I start.',
  "Please send the payment to my brother's PayPal account.",
  'My payment details changed: please use my new bank account from now on.',
  "Let's continue on Telegram, it is easier for me.",
  'You could rent my Upwork account for this job.',
  'I only accept USDT for the payment.',
  "If you don't pay me today, I will release your source code publicly.",
  '안녕하세요, 결제는 언제 되나요?',
  'Beneficiary name: Chen Wei. Payment by bank transfer.',
  'Email me at dev.pay@example.com or call +1 415 555 0100 about the payment.',
  'Payment to IBAN DE89 3704 0044 0532 0130 00 please.',
  'My portfolio is at https://github.com/example-dev and the payment terms are on it.',
];

function corpus(): NotesHit[] {
  return [...analyzePasted(PASTES.map(paste), 'Daniel K.').hits, ...analyzePasted([paste('Beneficiary name: Daniel Kim. Payment by bank transfer.')], null).hits];
}

describe('notes hit labels from the catalogue', () => {
  it('in English each hit reads as the analysis labels it', () => {
    installCatalogue('en');
    const hits = corpus();
    expect(hits.length).toBeGreaterThan(15);
    for (const h of hits) expect(hitLabel(h), h.kind).toBe(h.label);
  });

  it('in Japanese each hit with a message is Japanese and keeps its data', () => {
    installCatalogue('ja');
    for (const h of corpus()) {
      const m = hitMessage(h);
      if (!m) continue;
      const ja = hitLabel(h);
      expect(ja, h.label).toMatch(JAPANESE);
      for (const p of m.params) expect(ja).toContain(p);
    }
  });

  it('every hit_ message is used by a hit of the corpus (each variant is found)', () => {
    const used = new Set(corpus().map((h) => hitMessage(h)?.key));
    expect(Object.keys(en).filter((k) => k.startsWith('hit_') && !used.has(k))).toEqual([]);
  });
});
