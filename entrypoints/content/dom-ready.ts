/**
 * Resolves when the DOM is complete. The content script runs at document_start (its bundle is evaluated while the
 * HTML is still loading, outside the user's wait; issue 8): the DOMContentLoaded listener registered then, in the
 * isolated world before any page script, runs first in the DOMContentLoaded dispatch, and an `await` on this promise
 * continues in the microtask right after that listener, still inside the dispatch: before the page's own
 * DOMContentLoaded handlers and before its first layout and frame. When the DOM is already complete (a copy injected
 * into an open page, as Firefox does when the extension is installed or updated), at once.
 */
export function domReady(doc: Document = document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
