/**
 * What the history tells the user (a check not saved, profiles removed to make room, the database unavailable) as a
 * catalogue message: the English text for logs and older readers, and the key with its parameters, which the pages
 * render in the user's language (lib/ui/history-status.ts). The English text is the English catalogue's, filled in,
 * so the two cannot differ.
 */
import { msgText } from '../rules/msg';

export interface CatalogueMsg {
  key: string;
  params: string[];
}

export interface StatusText {
  message: string;
  msg: CatalogueMsg;
}

/** The message `key` with `params`, in English and as a key for the pages. */
export function statusMsg(key: string, params: readonly (string | number)[] = []): StatusText {
  const p = params.map(String);
  return { message: msgText(key, p), msg: { key, params: p } };
}

/** A counted message: `<key>_one` for 1, `<key>_many` otherwise, with the count as the first parameter. */
export function countedStatusMsg(key: string, n: number, params: readonly (string | number)[] = []): StatusText {
  return statusMsg(`${key}_${n === 1 ? 'one' : 'many'}`, [n, ...params]);
}
