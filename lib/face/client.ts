/**
 * Background side of the face analysis: `analyzeFaceInBackground(bytes, mime)` sends the photo to the face-analysis
 * page and returns its validated FaceAnalysis.
 * - Chrome: an offscreen document (/offscreen.html, created on the first photo and reused; the service worker
 *   cannot hold the 7 MB model between wake-ups).
 * - Firefox (no offscreen API; the MV3 background is an event page with a DOM): the same page in an iframe of the
 *   background page, called directly (same origin).
 */
import { browser } from 'wxt/browser';
import { FaceAnalyzeResult, toBase64, type FaceAnalyzeRequest } from './messages';
import type { FaceAnalysis } from './schema';

/** The first photo includes loading the model (wasm + 7 MB of weights: ~6 s on a busy 2-core machine). */
const TIMEOUT_MS = 30_000;
const PAGE = '/offscreen.html';

interface ChromeOffscreen {
  offscreen?: {
    createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void>;
  };
  runtime: { getContexts?(f: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]> };
}
const chromeApi = (): ChromeOffscreen | undefined => (globalThis as { chrome?: ChromeOffscreen }).chrome;

/** Whether this background can run the face analysis at all (Chrome offscreen API, or a DOM for the iframe). */
export function faceAnalysisAvailable(): boolean {
  if (import.meta.env.FIREFOX) return typeof document !== 'undefined';
  return !!chromeApi()?.offscreen;
}

let creating: Promise<void> | null = null;

async function ensureOffscreen(): Promise<void> {
  const c = chromeApi();
  if (!c?.offscreen) throw new Error('the offscreen API is not available');
  const url = browser.runtime.getURL(PAGE);
  const existing = (await c.runtime.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })) ?? [];
  if (existing.length > 0) return;
  creating ??= c.offscreen
    .createDocument({
      url: PAGE,
      reasons: ['WORKERS'],
      justification: 'Runs the face model (WebAssembly) on the profile photo locally: face found, eye positions, face descriptor.',
    })
    .catch((e: unknown) => {
      // Another call created it in the meantime: fine.
      if (!String(e).includes('single offscreen')) throw e;
    })
    .finally(() => (creating = null));
  await creating;
}

let frame: Promise<HTMLIFrameElement> | null = null;

type FrameApi = { vetterFaceAnalyze?: (bytes: ArrayBuffer, mime: string) => Promise<unknown> };

function ensureFrame(): Promise<HTMLIFrameElement> {
  frame ??= new Promise<HTMLIFrameElement>((resolve, reject) => {
    const el = document.createElement('iframe');
    el.src = browser.runtime.getURL(PAGE);
    el.style.display = 'none';
    const poll = () => ((el.contentWindow as unknown as FrameApi | null)?.vetterFaceAnalyze ? resolve(el) : setTimeout(poll, 50));
    el.addEventListener('load', poll, { once: true });
    el.addEventListener('error', () => reject(new Error('the face-analysis page could not load')), { once: true });
    document.body.appendChild(el);
  });
  frame.catch(() => (frame = null));
  return frame;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`the face analysis took longer than ${ms / 1000} s`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e)),
    );
  });
}

/** Open the face-analysis page (offscreen document / iframe) if it is not open; rejects when it cannot run here. */
export async function prepareFaceAnalysis(): Promise<void> {
  if (import.meta.env.FIREFOX) await ensureFrame();
  else await ensureOffscreen();
}

export async function analyzeFaceInBackground(bytes: ArrayBuffer, mime: string): Promise<FaceAnalysis> {
  let raw: unknown;
  if (import.meta.env.FIREFOX) {
    const el = await ensureFrame();
    raw = await withTimeout((el.contentWindow as unknown as Required<FrameApi>).vetterFaceAnalyze(bytes, mime), TIMEOUT_MS);
  } else {
    await ensureOffscreen();
    const req: FaceAnalyzeRequest = { type: 'vetter:face-analyze', target: 'offscreen', data: toBase64(bytes), mime };
    raw = await withTimeout(browser.runtime.sendMessage(req), TIMEOUT_MS);
  }
  const res = FaceAnalyzeResult.safeParse(raw);
  if (!res.success) throw new Error('the face-analysis page gave no valid answer');
  if (!res.data.ok) throw new Error(res.data.error);
  return res.data.analysis;
}
