/** A finding's texts in the user's language: from the catalogue when the rule gave message keys, else as written. */
import { t } from '../i18n';
import type { Finding } from '../report/schema';

export type FindingTextPart = 'title' | 'explanation' | 'nextStep';

export function findingText(f: Finding, part: FindingTextPart): string {
  const key = f.msg?.[part];
  if (key) {
    const s = t(key, f.msg?.params ?? []);
    if (s !== key) return s;
  }
  return f[part];
}
