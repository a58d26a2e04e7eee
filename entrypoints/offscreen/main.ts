/**
 * The face-analysis page: Chrome opens it as an offscreen document (lib/face/client.ts), Firefox as an iframe in the
 * background page. It holds the face model and answers the background with a FaceAnalysis (plus where the time went
 * and how the model runs). The background opens this page only when photo analysis is on and a photo is about to be
 * analysed, so the model starts loading (and warming up) at once, while the background fetches the photo. Nothing
 * here talks to the network except the extension's own model and wasm files.
 */
import { browser } from 'wxt/browser';
import { analyzeBytes, loadFaceApiBrowser } from '@/lib/face/browser';
import { FaceAnalyzeRequest, fromBase64, type FaceAnalyzeResult } from '@/lib/face/messages';

async function handle(bytes: ArrayBuffer, mime: string): Promise<FaceAnalyzeResult> {
  try {
    return { ok: true, ...(await analyzeBytes(bytes, mime)) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  const req = FaceAnalyzeRequest.safeParse(message);
  if (!req.success) return undefined;
  return handle(fromBase64(req.data.data), req.data.mime);
});

// Firefox: the background page calls this directly on its same-origin iframe (no message serialisation).
(window as unknown as { vetterFaceAnalyze: typeof handle }).vetterFaceAnalyze = handle;

// Start loading now; a failure here is reported (and the load retried) by the first analysis.
loadFaceApiBrowser().catch(() => undefined);
