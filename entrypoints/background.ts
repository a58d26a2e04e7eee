import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyze } from '@/lib/engine';
import { Request, type AnalyzeResult } from '@/lib/messages';
import { refusal, type Sender } from '@/lib/security/senders';

/**
 * The background runs the rules (they carry the university and front-company data, kept out of the content script)
 * and answers only messages from this extension's own contexts.
 */
export function handleMessage(message: unknown, sender: Sender): Promise<AnalyzeResult> | undefined {
  // Who may send what: lib/security/senders.ts (this extension only; content scripts only their own messages).
  const type = message && typeof message === 'object' ? (message as { type?: unknown }).type : undefined;
  if (refusal(type, sender, browser.runtime.id, browser.runtime.getURL('/'))) return undefined;
  const parsed = Request.safeParse(message);
  if (!parsed.success || parsed.data.type !== 'vetter:analyze') return undefined;
  try {
    return Promise.resolve({ ok: true, report: analyze(parsed.data.profile) });
  } catch (e) {
    return Promise.resolve({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
});
