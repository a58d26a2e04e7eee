/**
 * The face-analysis page: Chrome opens it as an offscreen document (lib/face/client.ts), Firefox as an iframe in the
 * background page. It holds the face model (loaded on the first photo) and answers the background with a
 * FaceAnalysis. Nothing here talks to the network except the extension's own model and wasm files.
 */
import { browser } from 'wxt/browser';
import { analyzeBytes } from '@/lib/face/browser';
import { FaceAnalyzeRequest, fromBase64, type FaceAnalyzeResult } from '@/lib/face/messages';

async function handle(bytes: ArrayBuffer, mime: string): Promise<FaceAnalyzeResult> {
  try {
    return { ok: true, analysis: await analyzeBytes(bytes, mime) };
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
