/**
 * The history's messages (a check not saved, profiles removed to make room, the database unavailable) in the user's
 * language: the catalogue message when the status or error carries one (lib/history/status-msg.ts), else its English
 * text as it is (a status stored by an older version).
 */
import { msgOr } from './finding-text';

interface WithMsg {
  message: string | null;
  msg?: { key: string; params: readonly string[] } | undefined;
}

/** A history status's text for the user, or null when it has none. */
export function historyStatusText(s: WithMsg): string | null {
  if (!s.msg) return s.message;
  return msgOr(s.msg.key, s.msg.params, s.message ?? s.msg.key);
}

/** An error's text for the user: a history error's catalogue message when it has one, else its message. */
export function errorText(e: unknown): string {
  const msg = (e as { msg?: unknown } | null)?.msg;
  const message = e instanceof Error ? e.message : String(e);
  if (msg && typeof msg === 'object' && typeof (msg as { key?: unknown }).key === 'string' && Array.isArray((msg as { params?: unknown }).params))
    return historyStatusText({ message, msg: msg as WithMsg['msg'] }) ?? message;
  return message;
}
