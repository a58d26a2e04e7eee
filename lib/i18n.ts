/**
 * UI text through the browser's i18n catalogue (public/_locales/{en,ja}/messages.json). Positional substitutions
 * `$1`…`$9` as the i18n API defines them. A key missing from the catalogue shows as the key itself, so a gap is
 * visible instead of silently blank.
 */
import { browser } from 'wxt/browser';

export function t(key: string, subs?: ReadonlyArray<string | number> | string | number): string {
  const list = subs === undefined ? undefined : (Array.isArray(subs) ? subs : [subs]).map(String);
  try {
    const m = (browser.i18n.getMessage as (name: string, subs?: string[]) => string)(key, list);
    if (m) return m;
  } catch {
    // No i18n API in this context (a test without a catalogue): fall through to the key.
  }
  return key;
}

/** The catalogue's text for `key`, or `fallback` when the catalogue has none (e.g. a rule added without a translation). */
export function tOr(key: string, fallback: string, subs?: ReadonlyArray<string | number>): string {
  const s = t(key, subs);
  return s === key ? fallback : s;
}

/** Catalogue key of a rule's title: `rule_<id with _ for ->`. */
export const ruleTitleKey = (ruleId: string) => `rule_${ruleId.replace(/-/g, '_')}`;

/** Catalogue key of a rule's description (meta.description in English): `rule_<id with _ for ->_desc`. */
export const ruleDescKey = (ruleId: string) => `${ruleTitleKey(ruleId)}_desc`;

/** The language of the catalogue in use (for `lang` attributes): `en` or `ja`. (`@@ui_locale` can differ from it.) */
export function uiLang(): string {
  return tOr('langCode', 'en');
}

/**
 * A counted message: `<key>_one` when `n` is 1, else `<key>_many` (the i18n API has no plural forms), with `n` as `$1`
 * and `subs` after it.
 */
export function tn(key: string, n: number, subs: ReadonlyArray<string | number> = []): string {
  return t(`${key}_${n === 1 ? 'one' : 'many'}`, [n.toLocaleString(uiLang() === 'ja' ? 'ja-JP' : 'en-US'), ...subs]);
}
