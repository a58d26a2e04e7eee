import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { Request, type AnalyzeResult } from '@/lib/messages';
import { analyzeWithSettings, handleUiMessage, registerUiListeners, setToolbarBadge } from '@/lib/ui-background';

/**
 * The background runs the rules (they carry the university and front-company data, kept out of the content script)
 * and answers only messages from this extension's own contexts.
 */
export function handleMessage(message: unknown, sender: { id?: string; tab?: { id?: number } }): Promise<AnalyzeResult> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = Request.safeParse(message);
  if (!parsed.success || parsed.data.type !== 'vetter:analyze') return undefined;
  // Rules switched off and severities chosen in the settings apply; the toolbar icon shows the tab's level.
  return analyzeWithSettings(parsed.data.profile).then(
    async (report): Promise<AnalyzeResult> => {
      if (sender.tab?.id !== undefined) await setToolbarBadge(sender.tab.id, report.level);
      return { ok: true, report };
    },
    (e: unknown): AnalyzeResult => ({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender) ?? handleUiMessage(message, sender));
  registerUiListeners();
});
