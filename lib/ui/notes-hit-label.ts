/**
 * What the notes analysis found in a pasted text (lib/notes/analyze.ts NotesHit), in the user's language: the hit's
 * own data (its kind, network, service, payee, contact, account or host) with the catalogue's `hit_*` messages. The
 * English catalogue says what the analysis's English `label` says (tests/unit/notes-hit-label.test.ts); a hit this
 * does not know keeps its English label.
 */
import type { NotesHit } from '../notes/analyze';
import { PRC_PROVIDERS } from '../rules/patterns';
import { msgOr } from './finding-text';

const FIXED: Partial<Record<NotesHit['kind'], string>> = {
  advance: 'hit_advance',
  'third-party': 'hit_third_party',
  'payment-change': 'hit_payment_change',
  'off-platform': 'hit_off_platform',
  'account-rental': 'hit_account_rental',
  threat: 'hit_threat',
  korean: 'hit_korean',
};
const WALLET: Record<string, string> = { ETH: 'hit_wallet_eth', TRON: 'hit_wallet_tron' };
/** A SWIFT/BIC code of a bank in China (as lib/notes/analyze.ts CN_SWIFT finds them). */
const CN_SWIFT = /^[A-Z]{4}CN[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

/** The catalogue key and parameters for a hit, or null to keep its label. */
export function hitMessage(h: NotesHit): { key: string; params: string[] } | null {
  const fixed = FIXED[h.kind];
  if (fixed) return { key: fixed, params: [] };
  switch (h.kind) {
    case 'wallet':
      return { key: h.network === 'BTC' ? (/^bc1/i.test(h.match) ? 'hit_wallet_btc_bech32' : 'hit_wallet_btc_legacy') : WALLET[h.network]!, params: [] };
    case 'crypto':
      return { key: 'hit_crypto', params: [h.match] };
    case 'provider':
      if (h.provider === 'bank in China') return CN_SWIFT.test(h.match) ? { key: 'hit_bank_china_swift', params: [h.match] } : { key: 'hit_bank_china', params: [h.match] };
      return h.prc && !PRC_PROVIDERS.has(h.provider) ? { key: 'hit_provider_prc', params: [h.provider] } : null;
    case 'payee':
      return { key: h.sameAsProfile === false ? 'hit_payee_differs' : 'hit_payee', params: [h.name] };
    case 'contact':
      return { key: h.contact === 'email' ? 'hit_email' : 'hit_phone', params: [h.match] };
    case 'bank-account':
      return /^[A-Z]{2}\d{2}/.test(h.match) ? { key: 'hit_iban', params: [h.match] } : { key: 'hit_account_number', params: [h.match] };
    case 'link':
      return { key: 'hit_link', params: [h.host] };
    default:
      return null;
  }
}

/** The hit's label in the user's language. */
export function hitLabel(h: NotesHit): string {
  const m = hitMessage(h);
  return m ? msgOr(m.key, m.params, h.label) : h.label;
}
