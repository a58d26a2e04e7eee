import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyze } from '@/lib/engine';
import { faceForProfile } from '@/lib/face/background';
import type { FaceAnalysis } from '@/lib/face/schema';
import { linkedProfiles } from '@/lib/history/linked';
import { findMatches, type Probe } from '@/lib/history/match';
import { contactsOf, identityOf, mergeEntry, snapshotOf, textFingerprints } from '@/lib/history/record';
import type { PhotoFingerprint } from '@/lib/history/schema';
import { HistoryUnavailableError, openHistory, type HistoryStoreExt } from '@/lib/history/store';
import { saveWithRoom } from '@/lib/history/store-quota';
import { statusMsg } from '@/lib/history/status-msg';
import { rememberHistoryStatus } from '@/lib/history/store-status';
import { HistoryRequest, ReanalyzeRequest, Request, type AnalyzeResult, type HistoryStatus, type HistoryStatusMessage, type HistoryUpdateResult, type ReanalyzeResult } from '@/lib/messages';
import { fingerprintPhoto, unreadablePhoto } from '@/lib/photos/fetch';
import { checkProfile } from '@/lib/profile/check';
import type { Profile } from '@/lib/profile/schema';
import { refusal, type Sender } from '@/lib/security/senders';
import { autoCheckOn, defaultSettings, type Settings } from '@/lib/settings/schema';
import { loadSettings } from '@/lib/settings/store';
import { handleUiMessage, registerUiListeners, runOptions, setToolbarBadge } from '@/lib/ui-background';

/** What the check pipeline uses from the outside world (replaced in tests). */
export interface BackgroundDeps {
  openStore(): Promise<HistoryStoreExt>;
  photo(url: string): Promise<PhotoFingerprint>;
  /** The face model's look at the photo (lib/face; null when off, unavailable or failed). */
  face?(profile: Profile): Promise<FaceAnalysis | null>;
  settings(): Promise<Settings>;
  now(): Date;
  /** Tells a tab what happened to the history after an early reply ('vetter:history-status'); default tabs.sendMessage. */
  notifyTab?(tabId: number, frameId: number | undefined, message: HistoryStatusMessage): Promise<unknown>;
}

let storePromise: Promise<HistoryStoreExt> | null = null;
export const defaultDeps: BackgroundDeps = {
  openStore() {
    storePromise ??= openHistory(undefined, { onClosed: () => (storePromise = null) }).catch((e: unknown) => {
      storePromise = null;
      throw e;
    });
    return storePromise;
  },
  // Fetch only from the extension's own origin, where the host permissions apply (never from a test page's DOM).
  photo: (url) => (/^(chrome|moz)-extension:$/.test(globalThis.location?.protocol ?? '') ? fingerprintPhoto(url) : Promise.resolve(unreadablePhoto(url))),
  face: (profile) => faceForProfile(profile),
  settings: async () => (await loadSettings()).settings,
  now: () => new Date(),
  notifyTab: (tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }),
};

/**
 * The time each step of the last checks took (ms, performance.now; numbers only, no profile data), newest last: read
 * by `npm run bench` through the service worker (tests/bench/page.ts, `globalThis.__vetterCheckTimes`).
 */
export type CheckTimes = Partial<
  Record<'parse' | 'loadSettings' | 'settings' | 'photo' | 'waitSave' | 'history' | 'analyze' | 'reply' | 'save' | 'status' | 'total' | 'receivedAt' | 'repliedAt', number>
>;
export const checkTimes: CheckTimes[] = [];
/**
 * The last 'vetter:analyze' message's own steps (its schema check, the settings read; and, as epoch ms comparable with
 * the page's marks, when it arrived and when its answer left), recorded with the check it started.
 */
let messageTimes: CheckTimes | undefined;
const epochMs = () => performance.timeOrigin + performance.now();
(globalThis as { __vetterCheckTimes?: CheckTimes[] }).__vetterCheckTimes = checkTimes;

/**
 * The saves still running after an early reply, chained: a check reads the history only after the previous check's
 * save (a re-read right after the page load sees the entry the page-load check stored).
 */
let saving: Promise<void> = Promise.resolve();
/** Resolves when every check started so far has stored its entry and status (tests; the next check waits for it). */
export const savesSettled = (): Promise<void> => saving;

const PRUNE_EVERY_MS = 6 * 3600_000;
let lastPrune = 0;

/** The page-load check's early answer: `reply` with the report before the save, `afterSave` with what the save did. */
interface EarlyReply {
  reply(res: AnalyzeResult): void;
  afterSave(history: HistoryStatus): void;
}

/**
 * One check: settings → photo hash (when photo analysis is on; failures give kind `unreadable`) → history matches →
 * rules → the entry merged and stored. The history is an addition: when it cannot be opened or written, the check
 * still returns its report (without cross-profile findings).
 */
export async function runCheck(profile: Profile, deps: BackgroundDeps, loaded?: Settings, early?: EarlyReply): Promise<AnalyzeResult> {
  const before = saving;
  let release = () => {};
  saving = new Promise<void>((resolve) => (release = resolve));
  try {
    return await checkAndSave(profile, deps, before, loaded, early);
  } finally {
    release();
  }
}

async function checkAndSave(profile: Profile, deps: BackgroundDeps, before: Promise<void>, loaded?: Settings, early?: EarlyReply): Promise<AnalyzeResult> {
  const t0 = performance.now();
  const times: CheckTimes = messageTimes ?? {};
  messageTimes = undefined;
  let last = t0;
  const step = (k: keyof CheckTimes) => {
    const t = performance.now();
    times[k] = t - last;
    last = t;
  };
  const now = deps.now();
  const settings = loaded ?? (await deps.settings().catch(() => defaultSettings()));
  step('settings');
  const [photo, face] = await Promise.all([
    settings.photoAnalysis && profile.photo ? deps.photo(profile.photo.url).catch(() => null) : null,
    settings.photoAnalysis && deps.face ? deps.face(profile).catch(() => null) : null,
  ]);
  const probe: Probe = { identity: identityOf(profile), snapshot: snapshotOf(profile), photo, text: textFingerprints(profile), contacts: contactsOf(profile), face: face?.descriptor ?? null };
  step('photo');
  await before;
  step('waitSave');

  let store: HistoryStoreExt | null;
  let history: HistoryStatus = { state: 'saved', message: null, key: probe.identity.key, at: now.toISOString() };
  let prev = null;
  let matches = null;
  try {
    store = await deps.openStore();
    if (now.getTime() - lastPrune > PRUNE_EVERY_MS) {
      lastPrune = now.getTime();
      await store.prune(settings.historyDays, now);
    }
    prev = await store.get(probe.identity.key);
    const digests = await store.digests();
    matches = { ...findMatches(probe, digests, prev, now), linked: await linkedProfiles(store, probe, digests) };
  } catch (e) {
    console.warn('Vetter: history unavailable for this check:', e);
    store = null;
    const why = e instanceof Error ? e.message : String(e);
    const said = e instanceof HistoryUnavailableError ? { message: why, ...(e.msg ? { msg: e.msg } : {}) } : statusMsg('hs_unavailable', [why]);
    history = { ...history, state: 'unavailable', ...said };
  }

  step('history');
  const report = analyze(profile, { now, history: matches, notes: prev?.notes ?? null, face, ...runOptions(settings) });
  step('analyze');
  // The page-load check replies now (the badge shows the level) and saves afterwards; a save that then fails is told
  // to the tab by handleMessage ('vetter:history-status'). When the history is unavailable the reply says so.
  if (store && early) {
    early.reply({ ok: true, report });
    step('reply');
  }

  if (store) {
    // A full storage is reported (and older profiles removed only as the settings allow): lib/history/store-quota.ts.
    const saved = await Promise.resolve()
      .then(() => saveWithRoom(store, mergeEntry(prev, profile, report, photo, probe.text, now, face), settings, now))
      .catch((e: unknown) => ({ state: 'failed' as const, ...statusMsg('hs_failed', [e instanceof Error ? e.message : String(e)]) }));
    if (saved.state !== 'saved') console.warn('Vetter: history:', saved.message);
    history = { ...history, state: saved.state, message: saved.message, ...(saved.msg ? { msg: saved.msg } : {}) };
    step('save');
    early?.afterSave(history);
  }
  await rememberHistoryStatus(history);
  step('status');
  times.total = performance.now() - t0;
  checkTimes.push(times);
  if (checkTimes.length > 50) checkTimes.shift();
  return { ok: true, report, history };
}

/**
 * Re-runs the rules on the stored profile (`entry.profile`, the last full read) with the manager's current notes,
 * the history matches recomputed from the store and the current settings; stores the new report in the entry (only
 * the report: the entry is read again just before the write, so notes saved meanwhile are kept) and returns it.
 */
export async function reanalyze(key: string, deps: BackgroundDeps): Promise<ReanalyzeResult> {
  await saving; // (as updateHistory)
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
  const digests = await store.digests();
  const history = { ...findMatches(probe, digests, entry, now), previousChecks: entry.checks - 1, linked: await linkedProfiles(store, probe, digests) };
  const report = analyze(profile, { now, history, notes: entry.notes, ...runOptions(settings) });
  const fresh = (await store.get(key)) ?? entry;
  await store.put({ ...fresh, report });
  return { ok: true, report };
}

async function updateHistory(req: HistoryRequest, deps: BackgroundDeps): Promise<HistoryUpdateResult> {
  await saving; // a page-load check that already answered may still be storing this profile's entry
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
  return { ok: true, dismissals: next.dismissals, verified: next.verified, annotations: { dismissals: next.dismissals, verified: next.verified } };
}

const failed = (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) });

/**
 * The background runs the rules (they carry the university and front-company data, kept out of the content script),
 * keeps the history, and answers only messages from this extension's own contexts.
 */
export function handleMessage(message: unknown, sender: Sender, deps: BackgroundDeps = defaultDeps): Promise<AnalyzeResult> | undefined {
  // Who may send what: lib/security/senders.ts (this extension only; content scripts only their own messages).
  const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
  if (refusal(type, sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
  const t0 = performance.now();
  const receivedAt = epochMs();
  const parsed = Request.safeParse(type === 'vetter:analyze' ? checkUnchecked(message) : message);
  if (!parsed.success || parsed.data.type !== 'vetter:analyze') return undefined;
  // The profile's schema check and the settings read, before the check's own steps (checkTimes `parse`, `loadSettings`).
  const times: CheckTimes = { receivedAt, parse: performance.now() - t0 };
  // The toolbar icon shows the level of the tab's profile.
  const tabId = sender.tab?.id;
  const { profile, auto, unchecked } = parsed.data;
  const t1 = performance.now();
  return deps
    .settings()
    .catch(() => defaultSettings())
    .then((settings) => {
      times.loadSettings = performance.now() - t1;
      messageTimes = times;
      return settings;
    })
    .then((settings) =>
      // The page-load check (`auto`) is sent before the content script reads the settings: it stops here when the
      // automatic check is off for this site (nothing analysed, nothing stored).
      auto && !autoCheckOn(settings, profile.source.platform)
        ? { ok: false as const, error: 'The automatic check is off for this site.', autoCheckOff: true }
        : auto && tabId !== undefined
          ? replyBeforeSave(profile, deps, settings, tabId, sender.frameId)
          : // The toolbar's and popup's checks wait for the save: the popup then shows this check's history status.
            runCheck(profile, deps, settings),
    )
    .then(async (res) => {
      // (not awaited: the answer does not wait for the toolbar icon)
      if (res.ok && tabId !== undefined) void setToolbarBadge(tabId, res.report.level).catch(() => undefined);
      times.repliedAt = epochMs();
      // The content script reads the checked profile back (it returns it to the toolbar's check).
      return res.ok && unchecked ? { ...res, profile } : res;
    })
    .catch(failed);
}

/**
 * The page-load check (issue 8): answers as soon as the report is computed; the entry is stored afterwards (the
 * status still goes to storage.session for the popup and pages). When the save then does not simply succeed (full,
 * pruned, failed), the tab is told with 'vetter:history-status' and its details panel shows the message.
 */
function replyBeforeSave(profile: Profile, deps: BackgroundDeps, settings: Settings, tabId: number, frameId: number | undefined): Promise<AnalyzeResult> {
  return new Promise<AnalyzeResult>((resolve, reject) => {
    let replied = false;
    runCheck(profile, deps, settings, {
      reply(early) {
        replied = true;
        resolve(early);
      },
      afterSave(history) {
        if (history.state !== 'saved' && history.message && deps.notifyTab)
          void deps.notifyTab(tabId, frameId, { type: 'vetter:history-status', status: history }).catch(() => undefined);
      },
    }).then(
      (res) => !replied && resolve(res), // no early reply (history unavailable): the answer carries the status
      (e: unknown) => (replied ? console.warn('Vetter: history:', e) : reject(e)),
    );
  });
}

/**
 * A content script's 'vetter:analyze' with `unchecked: true` carries the profile as read in the page, before the
 * schema check (the content script does not bundle zod): run the extractors' check on it here (lib/profile/check.ts:
 * offending fields dropped and recorded missing). Anything that is still not a Profile is refused by the caller.
 */
function checkUnchecked(message: unknown): unknown {
  const m = message as { unchecked?: unknown; profile?: unknown };
  if (m.unchecked !== true || !m.profile || typeof m.profile !== 'object' || Array.isArray(m.profile)) return message;
  try {
    return { ...m, profile: checkProfile(m.profile as Record<string, unknown>) };
  } catch {
    return message;
  }
}

/** The manager's decisions on a stored profile: 'vetter:dismiss', 'vetter:undismiss', 'vetter:verify'. */
export function handleHistoryMessage(message: unknown, sender: Sender, deps: BackgroundDeps = defaultDeps): Promise<HistoryUpdateResult> | undefined {
  // Who may send what: lib/security/senders.ts (this extension only; content scripts only their own messages).
  const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
  if (refusal(type, sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
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
  // Analysis, the manager's decisions stored in the history, re-analysis after notes (report page), then the UI's
  // messages (check a tab, open a page, read a profile's annotations).
  browser.runtime.onMessage.addListener(
    (message, sender) =>
      handleMessage(message, sender) ?? handleHistoryMessage(message, sender) ?? handleReanalyzeMessage(message, sender) ?? handleUiMessage(message, sender),
  );
  registerUiListeners();
});
