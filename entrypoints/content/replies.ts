/**
 * What the content script receives from the background, checked by hand: the content script runs inside every
 * profile page, so it does not bundle zod's schemas (their construction alone took tens of ms at each page load;
 * issue 8). The background validates everything it receives and sends with the zod schemas (lib/messages.ts); this
 * checks that a reply has the shape the badge and the details panel read, and refuses anything else with a message.
 */
import type { Annotations } from '@/lib/messages';
import type { Profile } from '@/lib/profile/schema';
import type { Report } from '@/lib/report/schema';
import { CATEGORIES, INDICATOR_SOURCES, LEVELS, SEVERITIES } from '@/lib/report/constants';
import { historyStatusText } from '@/lib/ui/history-status';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isOptStr = (v: unknown) => v === null || v === undefined || isStr(v);
const oneOf = (xs: readonly string[], v: unknown) => isStr(v) && xs.includes(v);
const arrOf = (v: unknown, ok: (x: unknown) => boolean) => Array.isArray(v) && v.every(ok);

function isFinding(f: unknown): boolean {
  if (!isObj(f)) return false;
  const ind = f['indicator'];
  const msg = f['msg'];
  return (
    isStr(f['ruleId']) &&
    f['ruleId'] !== '' &&
    oneOf(CATEGORIES, f['category']) &&
    oneOf(SEVERITIES, f['severity']) &&
    isStr(f['title']) &&
    isStr(f['explanation']) &&
    isStr(f['nextStep']) &&
    arrOf(f['evidence'], (e) => isObj(e) && isStr(e['field']) && isStr(e['excerpt'])) &&
    isObj(ind) &&
    isStr(ind['id']) &&
    oneOf(INDICATOR_SOURCES, ind['source']) &&
    isStr(ind['url']) &&
    (msg === undefined || (isObj(msg) && arrOf(msg['params'], isStr) && isOptStr(msg['title']) && isOptStr(msg['explanation']) && isOptStr(msg['nextStep'])))
  );
}

/** The parts of a Report the page renders. */
export function isReport(r: unknown): r is Report {
  if (!isObj(r)) return false;
  const src = r['source'];
  return (
    isObj(src) &&
    isStr(src['platform']) &&
    isStr(src['url']) &&
    isOptStr(src['profileId']) &&
    isOptStr(r['name']) &&
    oneOf(LEVELS, r['level']) &&
    typeof r['score'] === 'number' &&
    isStr(r['levelReason']) &&
    arrOf(r['missing'], isStr) &&
    arrOf(r['findings'], isFinding)
  );
}

const isNote = (v: unknown) => isObj(v) && isStr(v['note']) && isStr(v['at']);

export function isAnnotations(a: unknown): a is Annotations {
  return (
    isObj(a) &&
    arrOf(a['dismissals'], (d) => isNote(d) && isStr((d as Obj)['ruleId']) && isStr((d as Obj)['title'])) &&
    (a['verified'] === null || isNote(a['verified']))
  );
}

export type Reply<T> = { ok: true; value: T; profile?: Profile; historyNote?: string } | { ok: false; error: string; autoCheckOff?: boolean };

const failure = (raw: unknown, what: string): { ok: false; error: string; autoCheckOff?: boolean } =>
  isObj(raw) && raw['ok'] === false && isStr(raw['error'])
    ? { ok: false, error: raw['error'], ...(raw['autoCheckOff'] === true ? { autoCheckOff: true } : {}) }
    : { ok: false, error: `Unexpected answer from Vetter's background (${what}).` };

/**
 * The background's answer to 'vetter:analyze': `{ok: true, report, profile?}` or `{ok: false, error, autoCheckOff?}`.
 * `historyNote`: the history status's message when the check was not saved (full, unavailable). `profile` (the
 * profile as the background checked it) is passed on as it came: this script only hands it back to the
 * background (the toolbar's check), which validates it again there.
 */
export function analyzeReply(raw: unknown): Reply<Report> {
  if (isObj(raw) && raw['ok'] === true) {
    if (!isReport(raw['report'])) return failure(null, 'report');
    const p = raw['profile'];
    // What happened to the history at this check, when it was not simply saved (full, unavailable…): shown in the panel.
    const h = raw['history'];
    const text = isObj(h) && h['state'] !== 'saved' ? statusText(h) : null;
    const note = text ? { historyNote: text } : {};
    return { ok: true, value: raw['report'], ...(isObj(p) && isObj(p['source']) ? { profile: p as unknown as Profile } : {}), ...note };
  }
  return failure(raw, 'report');
}

/** The answer to the annotation messages: `{ok: true, annotations}` or `{ok: false, error}`. */
export function annotationsReply(raw: unknown): Reply<Annotations> {
  if (isObj(raw) && raw['ok'] === true) return isAnnotations(raw['annotations']) ? { ok: true, value: raw['annotations'] } : failure(null, 'annotations');
  return failure(raw, 'annotations');
}

const HISTORY_STATES = ['saved', 'pruned', 'full', 'failed', 'unavailable'];

/**
 * The background's follow-up after an early reply to the page-load check ('vetter:history-status', lib/messages.ts
 * HistoryStatusMessage): the checked profile's key and the message to show in the details panel, or null when the
 * message is not one (or says nothing to show).
 */
export function historyStatusMessage(m: unknown): { key: string; note: string } | null {
  if (!isObj(m) || m['type'] !== 'vetter:history-status') return null;
  const s = m['status'];
  if (!isObj(s) || !oneOf(HISTORY_STATES, s['state']) || s['state'] === 'saved' || !isStr(s['key']) || !isStr(s['at'])) return null;
  const note = statusText(s);
  return note ? { key: s['key'], note } : null;
}

/** A catalogue message (lib/messages.ts CatalogueMsg): a key of the catalogue's form and at most 10 string params. */
const isCatalogueMsg = (m: unknown): m is { key: string; params: string[] } =>
  isObj(m) && isStr(m['key']) && /^[A-Za-z0-9_]{1,80}$/.test(m['key']) && Array.isArray(m['params']) && m['params'].length <= 10 && m['params'].every(isStr);

/** A history status's text in the user's language (its catalogue message, else its English text), or null. */
function statusText(s: Record<string, unknown>): string | null {
  const message = isStr(s['message']) && s['message'] ? s['message'] : null;
  const msg = isCatalogueMsg(s['msg']) ? s['msg'] : undefined;
  if (!message && !msg) return null;
  return historyStatusText({ message, msg });
}

/** A check request from the toolbar, the context menu or the shortcut (through the background). */
export const isCheckRequest = (m: unknown): boolean => isObj(m) && m['type'] === 'vetter:check';
