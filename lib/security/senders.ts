/**
 * Who may send which message to the background. The background answers nothing that fails these checks, before it
 * even parses the message:
 * - the sender is this extension (`sender.id === runtime.id`): no other extension, no web page;
 * - an *extension page* (popup, options, history, offscreen document: `sender.url` on the extension's own origin) may
 *   send every message type;
 * - a *content script* (`sender.url` a web page, with `sender.tab`) may send only the types listed in
 *   CONTENT_SCRIPT_MESSAGES, and only from a page a supported site extractor reads or a tab the user explicitly asked
 *   to check (allowExplicitCheck). Store writes, settings and anything not listed there are refused from content
 *   scripts: a compromised or confused page context cannot change what Vetter keeps.
 * A new message type is extension-page-only until it is added to CONTENT_SCRIPT_MESSAGES (one line, with a reason).
 */
import { siteExtractorFor } from '../extractors';

/** The parts of `runtime.MessageSender` the checks read. */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** Message types a content script may send, each with the reason it needs to. */
export const CONTENT_SCRIPT_MESSAGES: Readonly<Record<string, string>> = {
  'vetter:analyze': 'the content script sends the Profile it read; the background runs the rules and returns the Report',
  'vetter:dismiss': "the details panel's \"dismiss as explained\" button: stores the manager's dismissal of one finding of this profile",
  'vetter:undismiss': "the details panel's undo of a dismissal on this profile",
  'vetter:annotations': "the badge reads this profile's dismissals and verification to show them",
  'vetter:open': "the details panel's \"Full report\" and \"History\" links open those extension pages",
  'vetter:verify': "the details panel's \"mark as verified\" (or its undo) for this profile",
};

export type SenderKind = 'extension-page' | 'content-script';

/** Tabs where the user explicitly asked for a check (popup, context menu) on a page no site extractor handles. */
const explicitTabs = new Set<number>();

/** Record that the user asked to check this tab (its content script may then send content-script messages). */
export function allowExplicitCheck(tabId: number): void {
  explicitTabs.add(tabId);
}

/** Forget a tab (closed or navigated away). */
export function forgetExplicitCheck(tabId: number): void {
  explicitTabs.delete(tabId);
}

/** For tests. */
export function clearExplicitChecks(): void {
  explicitTabs.clear();
}

/** What kind of context sent a message, or null when it is not this extension. */
export function senderKind(sender: Sender, runtimeId: string, extensionOrigin: string): SenderKind | null {
  if (!runtimeId || sender.id !== runtimeId) return null;
  const url = sender.url ?? sender.origin;
  if (!url) return null;
  let u: URL;
  let ext: URL;
  try {
    u = new URL(url);
    ext = new URL(extensionOrigin);
  } catch {
    return null;
  }
  // URL.origin is "null" for chrome-extension:/moz-extension: URLs, so compare scheme and host.
  if (u.protocol === ext.protocol && u.host === ext.host && u.host !== '') return 'extension-page';
  if (sender.tab && (u.protocol === 'https:' || u.protocol === 'http:')) return 'content-script';
  return null;
}

/**
 * Why a message is refused, or null when the sender may send it. `type` is the message's `type` field as received
 * (not yet validated).
 */
export function refusal(type: unknown, sender: Sender, runtimeId: string, extensionOrigin: string): string | null {
  const kind = senderKind(sender, runtimeId, extensionOrigin);
  if (!kind) return 'not from this extension';
  if (kind === 'extension-page') return null;
  if (typeof type !== 'string' || !Object.hasOwn(CONTENT_SCRIPT_MESSAGES, type)) return `"${String(type)}" is for extension pages only`;
  const pageUrl = sender.url ?? sender.tab?.url ?? '';
  if (siteExtractorFor(pageUrl)) return null;
  if (sender.tab?.id !== undefined && explicitTabs.has(sender.tab.id)) return null;
  return 'the page is not a supported profile page the user asked to check';
}

/**
 * Messages the other way, to a content script (the 'vetter:check' request, 'vetter:history-status'): accepted only
 * from this extension's own contexts (its service worker or pages), never from a tab (a content script cannot send
 * to another tab, and no page can send runtime messages to this extension).
 */
export function fromOwnExtension(sender: { id?: string; tab?: unknown }, runtimeId: string): boolean {
  return !!runtimeId && sender.id === runtimeId && sender.tab === undefined;
}
