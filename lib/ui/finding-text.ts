/** A finding's texts in the user's language: from the catalogue when the rule gave message keys, else as written. */
import { t } from '../i18n';
import { renderMsg } from '../msg-render';
import type { Finding } from '../report/schema';

export type FindingTextPart = 'title' | 'explanation' | 'nextStep';

/** The browser catalogue as a lookup for renderMsg: null when the key is missing. */
export const browserLookup = (key: string, subs: string[]): string | null => {
  const s = t(key, subs);
  return s === key ? null : s;
};

/** A catalogue message with (possibly nested) params in the user's language, or `fallback` when the key is missing. */
export function msgOr(key: string, params: readonly string[], fallback: string): string {
  return renderMsg(browserLookup, key, params) ?? fallback;
}

export function findingText(f: Finding, part: FindingTextPart): string {
  const key = f.msg?.[part];
  return key ? msgOr(key, f.msg?.params ?? [], f[part]) : f[part];
}
