/**
 * The background's user-facing parts: one `checkTab(tabId)` behind the popup button, the context menu and the
 * keyboard shortcut; the toolbar badge text per tab; the manager's dismissals and verification; opening the report
 * and history pages. Messages are validated by the caller (entrypoints/background.ts).
 */
import { browser } from 'wxt/browser';
import { addDismissal, getAnnotations, removeDismissal, setVerified } from './annotations';
import { analyze, type RunOptions } from './engine';
import { t } from './i18n';
import { CheckResult, Request, type AnnotationsResult } from './messages';
import { refusal, type Sender } from './security/senders';
import { Profile } from './profile/schema';
import type { Level, Report } from './report/schema';
import { defaultSettings, type Settings } from './settings/schema';
import { loadSettings } from './settings/store';

export const MENU_ID = 'vetter-check';
export const COMMAND_ID = 'check-profile';
/** The reader injected into pages the content script does not cover (entrypoints/reader.ts). */
export const READER_FILE = '/reader.js' as const;

export const BADGE_COLORS: Record<Level, string> = { none: '#2e7d32', low: '#8d6e00', medium: '#c75000', high: '#b00020' };

/** The rules switched off and the severities chosen in the settings, as the engine takes them. */
export function runOptions(s: Settings): Pick<RunOptions, 'disabled' | 'severity'> {
  const entries = Object.entries(s.rules);
  return {
    disabled: new Set(entries.filter(([, r]) => !r.enabled).map(([id]) => id)),
    severity: new Map(entries.flatMap(([id, r]) => (r.severity ? [[id, r.severity] as const] : []))),
  };
}

export async function analyzeWithSettings(profile: Profile): Promise<Report> {
  const { settings } = await loadSettings().catch(() => ({ settings: defaultSettings() }));
  return analyze(profile, runOptions(settings));
}

/** The level on the toolbar icon of this tab (text and colour; the text is the level's word, not colour alone). */
export async function setToolbarBadge(tabId: number, level: Level | null): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: level ? t(`toolbar_${level}`) : '' });
    if (level) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS[level] });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}

/**
 * Check the page in a tab: a supported site's content script reads it (and shows its badge); any other page is read
 * by the injected reader, which needs only the activeTab grant the user's click gives.
 */
export async function checkTab(tabId: number): Promise<CheckResult> {
  let res: CheckResult;
  try {
    res = CheckResult.parse(await browser.tabs.sendMessage(tabId, { type: 'vetter:check' }));
  } catch {
    res = await readWithInjectedReader(tabId);
  }
  if (res.ok) {
    await setToolbarBadge(tabId, res.report.level);
    await rememberResult(tabId, res);
  }
  return res;
}

/** The tab's last check, for the popup to show when it opens (session storage: gone when the browser closes). */
const resultKey = (tabId: number) => `result:${tabId}`;
async function rememberResult(tabId: number, res: CheckResult): Promise<void> {
  try {
    await browser.storage.session.set({ [resultKey(tabId)]: res });
  } catch {
    // No session storage in this browser: the popup simply starts empty.
  }
}
export async function lastResult(tabId: number): Promise<CheckResult | null> {
  try {
    const parsed = CheckResult.safeParse((await browser.storage.session.get(resultKey(tabId)))[resultKey(tabId)]);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** After a check from the context menu or the shortcut, open the popup with the result (where the browser allows it). */
async function checkAndShow(tabId: number): Promise<void> {
  await checkTab(tabId);
  try {
    await browser.action.openPopup();
  } catch {
    // Not allowed here (no focused window, older browser): the toolbar badge still shows the level.
  }
}

async function readWithInjectedReader(tabId: number): Promise<CheckResult> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, files: [READER_FILE] });
    const parsed = Profile.safeParse(frame?.result);
    // A page where not even a person's name could be read is not a profile: say so rather than score an empty read.
    if (!parsed.success || !parsed.data.name) return { ok: false, error: t('errorNoProfile') };
    return { ok: true, profile: parsed.data, report: await analyzeWithSettings(parsed.data) };
  } catch (e) {
    return { ok: false, error: t('errorCannotRead', e instanceof Error ? e.message : String(e)) };
  }
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Context menu entry and keyboard shortcut: both run checkTab on the tab they were used in. */
export function registerUiListeners(): void {
  browser.runtime.onInstalled.addListener(() => {
    void Promise.resolve(browser.contextMenus.removeAll()).then(() =>
      browser.contextMenus.create({ id: MENU_ID, title: t('contextMenuCheck'), contexts: ['page', 'selection', 'link', 'image'] }),
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void checkAndShow(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== COMMAND_ID) return;
    void (tab?.id !== undefined ? Promise.resolve(tab.id) : activeTabId()).then((id) => (id === undefined ? undefined : checkAndShow(id)));
  });
}

type UiRequest = Extract<Request, { type: 'vetter:dismiss' | 'vetter:undismiss' | 'vetter:verify' | 'vetter:annotations' }>;

/** Dismissals, verification, checks from the popup and opening pages; only from this extension's own contexts. */
export function handleUiMessage(message: unknown, sender: Sender): Promise<AnnotationsResult | CheckResult | void> | undefined {
  // Who may send what: lib/security/senders.ts (content scripts only their listed messages).
  const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
  if (refusal(type, sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
  const parsed = Request.safeParse(message);
  if (!parsed.success) return undefined;
  const req = parsed.data;
  switch (req.type) {
    case 'vetter:dismiss':
    case 'vetter:undismiss':
    case 'vetter:verify':
    case 'vetter:annotations':
      return handleAnnotations(req);
    case 'vetter:check-tab':
      return req.last ? lastResult(req.tabId).then((r) => r ?? undefined) : checkTab(req.tabId);
    case 'vetter:open':
      return browser.tabs.create({ url: pageUrl(req.page, req.key) }).then(() => undefined);
    default:
      return undefined;
  }
}

export async function handleAnnotations(req: UiRequest): Promise<AnnotationsResult> {
  try {
    switch (req.type) {
      case 'vetter:dismiss':
        return { ok: true, annotations: await addDismissal(req.key, req.dismissal) };
      case 'vetter:undismiss':
        return { ok: true, annotations: await removeDismissal(req.key, req.ruleId, req.title) };
      case 'vetter:verify':
        return { ok: true, annotations: await setVerified(req.key, req.verified) };
      case 'vetter:annotations':
        return { ok: true, annotations: await getAnnotations(req.key) };
    }
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The extension page for a profile's full report (report.html, from lib/export) or the history page. */
export function pageUrl(page: 'report' | 'history', key?: string): string {
  const getURL = browser.runtime.getURL as (path: string) => string;
  return page === 'report' ? getURL(`/report.html${key ? `?key=${encodeURIComponent(key)}` : ''}`) : getURL('/profiles.html');
}
