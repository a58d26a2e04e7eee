/**
 * Resolves when the DOM is complete: at once when it already is (the content script runs at document_end, and Firefox
 * injects a copy into open pages when the extension is installed or updated). Were the script run at document_start
 * (see runAt in index.tsx for why it is not), the listener registered then, in the isolated world before any page
 * script, runs first in the DOMContentLoaded dispatch, and an `await` on this promise continues right after it, before
 * the page's own DOMContentLoaded handlers and its first layout.
 */
export function domReady(doc: Document = document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
