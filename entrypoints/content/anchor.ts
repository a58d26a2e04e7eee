/**
 * Where the badge sits: beside the profile's name (the text's own box, not the full-width heading), following it on
 * scroll and resize, clamped into the viewport; fixed in the top-right corner when no name element is found. The
 * badge is position: fixed in its shadow root, so the page's layout never moves.
 */

const NAME_SELECTORS = ['[data-test="freelancer-name"]', '[itemprop="name"]', 'h1', 'h2'];
const BADGE_W = 300;

export type Position = { top: number; left: number } | null;

export function findNameElement(doc: Document = document, skip?: Node | null): Element | null {
  for (const sel of NAME_SELECTORS) {
    for (const el of Array.from(doc.querySelectorAll(sel))) {
      if (skip?.contains(el) || !el.textContent?.trim()) continue;
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) return el;
    }
  }
  return null;
}

/** Fixed coordinates for the badge beside `el`'s text. */
export function positionBeside(el: Element, win: Window = window): Position {
  const range = el.ownerDocument.createRange();
  range.selectNodeContents(el);
  const r = range.getBoundingClientRect();
  const box = r.width > 0 ? r : el.getBoundingClientRect();
  const top = Math.round(Math.min(Math.max(box.top + box.height / 2 - 16, 8), win.innerHeight - 48));
  const left = Math.round(Math.max(8, Math.min(box.right + 12, win.innerWidth - BADGE_W)));
  return { top, left };
}

/** Calls `onChange` with the badge position in the next animation frame and whenever scrolling, resizing or the page's growth moves the name. Returns a stop function. */
export function watchAnchor(getAnchor: () => Element | null, onChange: (p: Position) => void, win: Window = window): () => void {
  let last = '';
  let frame = 0;
  const update = () => {
    frame = 0;
    const el = getAnchor();
    const p = el?.isConnected ? positionBeside(el, win) : null;
    const k = JSON.stringify(p);
    if (k !== last) {
      last = k;
      onChange(p);
    }
  };
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(update);
  };
  // The first placement too waits for the next frame (before its paint): reading the name's box forces a layout, which
  // in a frame's rendering step the browser does anyway, but inside our task would add a 700 KB page's layout to it.
  schedule();
  win.addEventListener('scroll', schedule, { passive: true, capture: true });
  win.addEventListener('resize', schedule, { passive: true });
  // Content loading above the name moves it without any scroll: follow the page's size too.
  const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
  ro?.observe(win.document.body);
  return () => {
    ro?.disconnect();
    win.removeEventListener('scroll', schedule, { capture: true });
    win.removeEventListener('resize', schedule);
    if (frame) win.cancelAnimationFrame(frame);
  };
}
