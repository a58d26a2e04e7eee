import { describe, expect, it } from 'vitest';
import { analysisFor, analyzeNotes, bech32Valid, hitsOf, namesMatch, NotesAnalysis } from '../../lib/notes/analyze';
import { makeNotes, paste } from './notes-helpers';

const one = (kind: 'payment' | 'message' | 'other', text: string, name: string | null = 'Daniel K.') => analyzeNotes(makeNotes({ pasted: [paste(kind, text)] }), name);

describe('analyzeNotes: crypto wallets', () => {
  it('finds a TRON, a bech32 and an Ethereum-style address with their offsets', () => {
    const text = 'USDT TRC20: TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE\nBTC: bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4\nERC20 0x52908400098527886E0F7030069857D2E4169EE7';
    const a = one('payment', text);
    const w = hitsOf(a, 'wallet');
    expect(w.map((h) => h.network)).toEqual(['TRON', 'BTC', 'ETH']);
    for (const h of w) expect(text.slice(h.offset, h.offset + h.match.length)).toBe(h.match);
    expect(w[1]!.checksum).toBe('valid');
    expect(w[0]!.field).toBe('notes.pasted[0]');
    expect(w[0]!.excerpt).toBe('USDT TRC20: TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE');
  });
  it('checks bech32 checksums (BIP-173 and BIP-350 vectors) and marks a typo as invalid', () => {
    expect(bech32Valid('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toBe(true);
    expect(bech32Valid('bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297')).toBe(true);
    expect(bech32Valid('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toBe(false);
    expect(hitsOf(one('payment', 'BTC bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5'), 'wallet')[0]!.checksum).toBe('invalid');
  });
  it('finds a legacy Bitcoin address but not a lower-case word or a git hash of the same length (near miss)', () => {
    expect(hitsOf(one('payment', 'send to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 please'), 'wallet')).toHaveLength(1);
    expect(hitsOf(one('message', 'commit 3f786850e387550fdab836ed7e6dc881de23001b fixed the build; see 1111111111111111111111111'), 'wallet')).toEqual([]);
  });
  it('names USDT as a crypto request in a payment paste, but not crypto work talk in a message (near miss)', () => {
    expect(hitsOf(one('payment', 'USDT only.'), 'crypto')).toHaveLength(1);
    expect(hitsOf(one('message', 'I built the Ethereum smart contracts for the DEX.'), 'crypto')).toEqual([]);
  });
});

describe('analyzeNotes: payment services and payees', () => {
  it('marks PRC services and Chinese banks, and Payoneer with a PRC account', () => {
    const a = one('payment', 'Pay by Alipay or WeChat Pay.\nOr Payoneer, receiving account in CNY at Bank of China.');
    const p = hitsOf(a, 'provider');
    expect(p.filter((h) => h.prc).map((h) => h.provider).sort()).toEqual(['Alipay', 'Payoneer', 'WeChat Pay', 'bank in China']);
    expect(a.providers).toContain('Payoneer');
  });
  it('does not mark Payoneer as PRC-linked without a PRC account (near miss), and skips integration talk in messages', () => {
    expect(hitsOf(one('payment', 'Payoneer, USD account.'), 'provider')[0]!.prc).toBe(false);
    expect(hitsOf(one('payment', 'My last client was in China. Payoneer to my US account please.'), 'provider')[0]!.prc).toBe(false);
    expect(hitsOf(one('payment', 'Payoneer, receiving bank account in Shenzhen.'), 'provider')[0]!.prc).toBe(true);
    expect(hitsOf(one('message', 'I integrated the Alipay SDK into the checkout.'), 'provider')).toEqual([]);
  });
  it('finds a Chinese SWIFT code', () => {
    const h = hitsOf(one('payment', 'Wire transfer. SWIFT: ICBKCNBJSZN, account 6222 0000 1111'), 'provider');
    expect(h.some((x) => x.prc && x.match === 'ICBKCNBJSZN')).toBe(true);
  });
  it('compares payee names with the profile name, tolerant of case, accents, order and initials', () => {
    expect(namesMatch('KIM, Daniel', 'Daniel K.')).toBe(true);
    expect(namesMatch('José Álvarez', 'jose alvarez')).toBe(true);
    expect(namesMatch('Ji-woo Park', 'Jiwoo PARK')).toBe(true);
    expect(namesMatch('Daniel Park', 'Daniel K.')).toBe(false);
    expect(namesMatch('Ri Song Chol', 'Daniel K.')).toBe(false);
    const a = one('payment', 'Beneficiary: Ri Song Chol\nAccount holder: Daniel Kim\nPlease send the payment to Chen Wei Ming via Wise.');
    expect(hitsOf(a, 'payee').map((h) => [h.name, h.sameAsProfile])).toEqual([
      ['Ri Song Chol', false],
      ['Daniel Kim', true],
      ['Chen Wei Ming', false],
    ]);
  });
  it('does not read "pay to my PayPal" or lower-case words as a payee (near miss); no profile name → null', () => {
    expect(hitsOf(one('payment', 'Please pay to my PayPal account. Send the money to the usual account.'), 'payee')).toEqual([]);
    expect(hitsOf(one('payment', 'Account holder: Ri Song Chol', null), 'payee')[0]!.sameAsProfile).toBeNull();
    expect(hitsOf(one('message', 'I will transfer to New York next month. The invoice was issued to Acme Holdings.'), 'payee')).toEqual([]);
    expect(hitsOf(one('message', 'The PayPal account is in the name of Kim Chol Min.'), 'payee')[0]!.name).toBe('Kim Chol Min');
    expect(hitsOf(one('payment', 'Beneficiary: "Sean O\'Brien"'), 'payee')[0]!.name).toBe("Sean O'Brien");
  });
});

describe('analyzeNotes: requests, threats, contacts, language', () => {
  it('finds advance payment, but not "no upfront payment" (near miss)', () => {
    expect(hitsOf(one('message', 'I need 50% upfront before I start.'), 'advance')).toHaveLength(1);
    expect(hitsOf(one('message', 'No upfront payment needed, milestones are fine.'), 'advance')).toEqual([]);
  });
  it('finds a threat to release code unless paid, not a promise to hand over code (near miss)', () => {
    expect(hitsOf(one('message', 'Pay the invoice by Friday or I will publish your source code on GitHub.'), 'threat')).toHaveLength(1);
    expect(hitsOf(one('message', 'Unless you pay today, your database will be deleted.'), 'threat')).toHaveLength(1);
    expect(hitsOf(one('message', 'I will release the source code to your repo once the milestone is approved.'), 'threat')).toEqual([]);
    expect(hitsOf(one('message', "I'll upload the code tonight if you don't mind."), 'threat')).toEqual([]);
  });
  it('finds requests to move off the platform and Korean text', () => {
    const a = one('message', "Let's continue on Telegram @dankdev. 감사합니다");
    expect(hitsOf(a, 'off-platform')).toHaveLength(1);
    expect(hitsOf(a, 'korean')[0]!.match).toBe('감사합니다');
  });
  it('marks e-mails and phones that differ from the first ones given, across pastes', () => {
    const notes = makeNotes({
      pasted: [paste('message', 'Reach me at dan.k@proton.me or +1 (214) 555-0134.'), paste('message', 'New mail: dk.dev@gmail.com, same phone +1 214 555 0134.')],
    });
    const c = hitsOf(analyzeNotes(notes, 'Daniel K.'), 'contact');
    expect(c.map((h) => [h.paste, h.contact, h.changed])).toEqual([
      [0, 'email', false],
      [0, 'phone', false],
      [1, 'email', true],
      [1, 'phone', false],
    ]);
  });
  it('finds IBANs and account numbers, not a phone number as an account (near miss)', () => {
    const a = one('payment', 'IBAN: GB29 NWBK 6016 1331 9268 19\nAccount number: 6222-0000-1111-2222\nCall +44 20 7946 0958');
    expect(hitsOf(a, 'bank-account').map((h) => h.value)).toEqual(['GB29NWBK60161331926819', '6222000011112222']);
  });
  it('finds talk of renting an account, and links with their hosts', () => {
    const a = one('message', 'Can I rent your verified Upwork account? Details: https://www.example-agency.com/deal');
    expect(hitsOf(a, 'account-rental')).toHaveLength(1);
    expect(hitsOf(a, 'link')[0]!.host).toBe('www.example-agency.com');
  });
});

describe('analyzeNotes: output', () => {
  it('is schema-valid, empty for null notes or no pastes, and positions point into the right paste', () => {
    expect(analyzeNotes(null, 'X').hits).toEqual([]);
    expect(analyzeNotes(makeNotes(), 'X')).toEqual({ profileName: 'X', pastes: 0, hits: [], providers: [] });
    const notes = makeNotes({ pasted: [paste('other', 'hello'), paste('other', 'hi'), paste('payment', 'x\nPay in USDT to TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE')] });
    const a = analyzeNotes(notes, 'Daniel K.');
    expect(NotesAnalysis.safeParse(a).success).toBe(true);
    for (const h of a.hits) {
      expect(h.field).toBe(`notes.pasted[${h.paste}]`);
      expect(notes.pasted[h.paste]!.text.slice(h.offset, h.offset + h.match.length)).toBe(h.match);
    }
    expect(a.hits.every((h) => h.paste === 2)).toBe(true);
  });
  it('analysisFor caches per notes object and name', () => {
    const notes = makeNotes({ pasted: [paste('payment', 'USDT only')] });
    expect(analysisFor(notes, 'A')).toBe(analysisFor(notes, 'A'));
    expect(analysisFor(notes, 'B')).not.toBe(analysisFor(notes, 'A'));
  });
  it('handles a 20,000-character paste quickly', () => {
    const big = 'Payment by PayPal to Daniel Kim. '.repeat(600);
    const t = performance.now();
    analyzeNotes(makeNotes({ pasted: [paste('payment', big.slice(0, 20_000))] }), 'Daniel K.');
    expect(performance.now() - t).toBeLessThan(1500);
  });
});

describe('analyzeNotes: any text', () => {
  it('never throws, always gives a schema-valid analysis whose offsets point at the match in its paste (fast-check)', async () => {
    const fc = await import('fast-check');
    const words = fc.constantFrom(
      'pay', 'USDT', 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'Account holder:', 'Beneficiary -', 'Ri Song',
      'Alipay', 'Payoneer', 'CNY', 'upfront', '50%', 'unless', 'leak', 'source code', 'Telegram', '@x_y', '한국어', 'a@b.io', '+1 214 555 0134',
      'https://www.x.com/a', 'IBAN', 'DE89 3704 0044 0532 0130 00', 'account no:', '1234 5678', 'rent', 'your account', '.', '\n', ',', ' ', 'Ünïcödé', '😀', '"', "O'Brien", 'Kim Chol', '“',
    );
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.array(words, { maxLength: 40 }).map((w) => w.join(' ')));
    const pasteArb = fc.record({ kind: fc.constantFrom('payment' as const, 'message' as const, 'other' as const), text });
    fc.assert(
      fc.property(fc.array(pasteArb, { maxLength: 4 }), fc.option(fc.string({ maxLength: 30 }), { nil: null }), (ps, name) => {
        const notes = makeNotes({ pasted: ps.map((p) => paste(p.kind, p.text)) });
        const a = analyzeNotes(notes, name);
        expect(NotesAnalysis.safeParse(a).success).toBe(true);
        // What the rules read (built once per notes object, without the schema pass) is the same analysis.
        expect(analysisFor(notes, name)).toEqual(a);
        for (const h of a.hits) expect(notes.pasted[h.paste]!.text.slice(h.offset, h.offset + h.match.length)).toBe(h.match);
      }),
      { numRuns: 300 },
    );
  });
});
