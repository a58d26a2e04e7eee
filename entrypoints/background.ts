import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyze } from '@/lib/engine';
import { faceForProfile } from '@/lib/face/background';
import { Request, type AnalyzeResult } from '@/lib/messages';

/**
 * The background runs the rules (they carry the university and front-company data, kept out of the content script)
 * and answers only messages from this extension's own contexts.
 */
export function handleMessage(message: unknown, sender: { id?: string }): Promise<AnalyzeResult> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  const parsed = Request.safeParse(message);
  if (!parsed.success || parsed.data.type !== 'vetter:analyze') return undefined;
  const { profile } = parsed.data;
  // The photo's face analysis (lib/face; null when off, unavailable or failed) feeds the face rules.
  return faceForProfile(profile)
    .catch(() => null)
    .then((face): AnalyzeResult => ({ ok: true, report: analyze(profile, { face }) }))
    .catch((e: unknown) => ({ ok: false, error: e instanceof Error ? e.message : String(e) }));
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
});
