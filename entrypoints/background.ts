import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyze } from '@/lib/engine';
import { findMatches, type Probe } from '@/lib/history/match';
import { contactsOf, identityOf, mergeEntry, snapshotOf, textFingerprints } from '@/lib/history/record';
import type { PhotoFingerprint } from '@/lib/history/schema';
import { openHistory, type HistoryStoreExt } from '@/lib/history/store';
import { HistoryRequest, ReanalyzeRequest, Request, type AnalyzeResult, type HistoryUpdateResult, type ReanalyzeResult } from '@/lib/messages';
import { fingerprintPhoto, unreadablePhoto } from '@/lib/photos/fetch';
import type { Profile } from '@/lib/profile/schema';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { loadSettings } from '@/lib/settings/store';

/** What the check pipeline uses from the outside world (replaced in tests). */
export interface BackgroundDeps {
  openStore(): Promise<HistoryStoreExt>;
  photo(url: string): Promise<PhotoFingerprint>;
  settings(): Promise<Settings>;
  now(): Date;
}

let storePromise: Promise<HistoryStoreExt> | null = null;
export const defaultDeps: BackgroundDeps = {
  openStore() {
    storePromise ??= openHistory().catch((e: unknown) => {
      storePromise = null;
      throw e;
    });
    return storePromise;
  },
  // Fetch only from the extension's own origin, where the host permissions apply (never from a test page's DOM).
  photo: (url) => (/^(chrome|moz)-extension:$/.test(globalThis.location?.protocol ?? '') ? fingerprintPhoto(url) : Promise.resolve(unreadablePhoto(url))),
  settings: async () => (await loadSettings()).settings,
  now: () => new Date(),
};

/** The settings' switched-off rules and severity overrides, as the engine takes them. */
function ruleOptions(settings: Settings) {
  const disabled = new Set(Object.entries(settings.rules).flatMap(([id, r]) => (r.enabled ? [] : [id])));
  const severity = new Map(Object.entries(settings.rules).flatMap(([id, r]) => (r.severity ? [[id, r.severity] as const] : [])));
  return { disabled, severity };
}

const PRUNE_EVERY_MS = 6 * 3600_000;
let lastPrune = 0;

/**
 * One check: settings → photo hash (when photo analysis is on; failures give kind `unreadable`) → history matches →
 * rules → the entry merged and stored. The history is an addition: when it cannot be opened or written, the check
 * still returns its report (without cross-profile findings).
 */
export async function runCheck(profile: Profile, deps: BackgroundDeps): Promise<AnalyzeResult> {
  const now = deps.now();
  const settings = await deps.settings().catch(() => defaultSettings());
  const photo = settings.photoAnalysis && profile.photo ? await deps.photo(profile.photo.url).catch(() => null) : null;
  const probe: Probe = { identity: identityOf(profile), snapshot: snapshotOf(profile), photo, text: textFingerprints(profile), contacts: contactsOf(profile) };

  let store: HistoryStoreExt | null;
  let prev = null;
  let matches = null;
  try {
    store = await deps.openStore();
    if (now.getTime() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = now.getTime();
      await store.prune(settings.historyDays, now);
    }
    prev = await store.get(probe.identity.key);
    matches = findMatches(probe, await store.digests(), prev, now);
  } catch (e) {
    console.warn('Vetter: history unavailable for this check:', e);
    store = null;
  }

  const report = analyze(profile, { now, history: matches, notes: prev?.notes ?? null, ...ruleOptions(settings) });

  if (store) {
    try {
      await store.put(mergeEntry(prev, profile, report, photo, probe.text, now));
    } catch (e) {
      console.warn('Vetter: could not store this check:', e);
    }
  }
  return { ok: true, report };
}

/**
 * Re-runs the rules on the stored profile (`entry.profile`, the last full read) with the manager's current notes,
 * the history matches recomputed from the store and the current settings; stores the new report in the entry (only
 * the report: the entry is read again just before the write, so notes saved meanwhile are kept) and returns it.
 */
export async function reanalyze(key: string, deps: BackgroundDeps): Promise<ReanalyzeResult> {
  const store = await deps.openStore();
  const entry = await store.get(key);
  if (!entry) return { ok: false, error: `No checked profile with the key "${key}" in the history.` };
  const profile = entry.profile;
  if (!profile)
    return {
      ok: false,
      noProfile: true,
      error: 'This stored entry holds no copy of the profile (it was stored by an older Vetter or imported), so your notes will be applied at the next check of the profile.',
    };
  const now = deps.now();
  const settings = await deps.settings().catch(() => defaultSettings());
  const probe: Probe = { identity: entry.identity, snapshot: entry.snapshot, photo: entry.photo, text: entry.text, contacts: contactsOf(profile) };
  // The entry already holds the last check: its changes are those the check saw, and it was the entry.checks-th check.
  const history = { ...findMatches(probe, await store.digests(), entry, now), previousChecks: entry.checks - 1 };
  const report = analyze(profile, { now, history, notes: entry.notes, ...ruleOptions(settings) });
  const fresh = (await store.get(key)) ?? entry;
  await store.put({ ...fresh, report });
  return { ok: true, report };
}

async function updateHistory(req: HistoryRequest, deps: BackgroundDeps): Promise<HistoryUpdateResult> {
  const store = await deps.openStore();
  const entry = await store.get(req.key);
  if (!entry) return { ok: false, error: `No checked profile with the key "${req.key}" in the history.` };
  let next: typeof entry;
  if (req.type === 'vetter:dismiss') {
    const rest = entry.dismissals.filter((d) => !(d.ruleId === req.dismissal.ruleId && d.title === req.dismissal.title));
    next = (await store.setDismissals(req.key, [...rest, req.dismissal])) ?? entry;
  } else if (req.type === 'vetter:undismiss') {
    next = (await store.setDismissals(req.key, entry.dismissals.filter((d) => !(d.ruleId === req.ruleId && d.title === req.title)))) ?? entry;
  } else {
    next = (await store.setVerified(req.key, req.verified)) ?? entry;
  }
  return { ok: true, dismissals: next.dismissals, verified: next.verified };
}

const failed = (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) });

/**
 * The background runs the rules (they carry the university and front-company data, kept out of the content script),
 * keeps the history, and answers only messages from this extension's own contexts.
 */
export function handleMessage(message: unknown, sender: { id?: string }, deps: BackgroundDeps = defaultDeps): Promise<AnalyzeResult> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = Request.safeParse(message);
  if (!parsed.success || parsed.data.type !== 'vetter:analyze') return undefined;
  return runCheck(parsed.data.profile, deps).catch(failed);
}

/** The manager's decisions on a stored profile: 'vetter:dismiss', 'vetter:undismiss', 'vetter:verify'. */
export function handleHistoryMessage(message: unknown, sender: { id?: string }, deps: BackgroundDeps = defaultDeps): Promise<HistoryUpdateResult> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = HistoryRequest.safeParse(message);
  if (!parsed.success) return undefined;
  return updateHistory(parsed.data, deps).catch(failed);
}

/** Whether the sender is one of this extension's own pages (report, history, popup), not a content script in a web page. */
export function fromExtensionPage(sender: { id?: string; url?: string; tab?: { url?: string } }): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  const origin = browser.runtime.getURL('/');
  const own = (u: string) => u.startsWith(origin);
  return own(sender.url) && (sender.tab?.url === undefined || own(sender.tab.url));
}

/** 'vetter:reanalyze' {key}: from extension pages only (it rewrites a stored report). */
export function handleReanalyzeMessage(
  message: unknown,
  sender: { id?: string; url?: string; tab?: { url?: string } },
  deps: BackgroundDeps = defaultDeps,
): Promise<ReanalyzeResult> | undefined {
  if (!fromExtensionPage(sender)) return undefined;
  const parsed = ReanalyzeRequest.safeParse(message);
  if (!parsed.success) return undefined;
  return reanalyze(parsed.data.key, deps).catch(failed);
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(
    (message, sender) => handleMessage(message, sender) ?? handleHistoryMessage(message, sender) ?? handleReanalyzeMessage(message, sender),
  );
});
