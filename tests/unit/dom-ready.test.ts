/**
 * The content script's start at document_start (entrypoints/content/dom-ready.ts, issue 8): the page is read in the
 * DOMContentLoaded dispatch, before the page's own handlers, or at once when the DOM is already complete.
 */
import { describe, expect, it } from 'vitest';
import { domReady } from '@/entrypoints/content/dom-ready';

/** A document whose readyState is `state` (happy-dom's own is always complete). */
function docIn(state: DocumentReadyState): Document {
  const doc = document.implementation.createHTMLDocument('');
  Object.defineProperty(doc, 'readyState', { configurable: true, get: () => state });
  return doc;
}

describe('domReady', () => {
  it('waits for DOMContentLoaded while the document is loading, and continues before the listeners added after it', async () => {
    const doc = docIn('loading');
    const order: string[] = [];
    const ready = domReady(doc).then(() => order.push('vetter'));
    doc.addEventListener('DOMContentLoaded', () => order.push('page'));
    await Promise.resolve();
    expect(order).toEqual([]); // not before the event
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    await ready;
    // (In Chromium the continuation runs in the microtask checkpoint right after Vetter's listener, before the page's:
    // tests/e2e/upwork.e2e.test.ts checks that order; happy-dom runs a dispatch's listeners back to back.)
    expect(order.sort()).toEqual(['page', 'vetter']);
  });

  it('resolves at once when the DOM is already complete (a copy injected into an open page)', async () => {
    for (const state of ['interactive', 'complete'] as const) {
      let done = false;
      void domReady(docIn(state)).then(() => (done = true));
      await Promise.resolve();
      expect(done).toBe(true);
    }
  });

  it('listens once', async () => {
    const doc = docIn('loading');
    let n = 0;
    const ready = domReady(doc).then(() => n++);
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    await ready;
    expect(n).toBe(1);
  });
});
