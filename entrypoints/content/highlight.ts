/**
 * "Show on page": find an evidence excerpt in the page's text (across element boundaries, whitespace- and
 * case-insensitive), scroll to it and highlight it with the CSS Custom Highlight API (no change to the page's DOM
 * beyond one stylesheet rule), or a temporary outline on its element where that API is missing.
 */

export const HIGHLIGHT_NAME = 'vetter-evidence';
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** A Range over the first occurrence of `needle` in `root`'s visible text, or null. `skip` excludes a subtree (our badge). */
export function findTextRange(root: Node, needle: string, skip?: Node | null): Range | null {
  const want = needle.replace(/\s+/g, ' ').trim().toLowerCase();
  if (!want) return null;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */, {
    acceptNode: (n) => {
      for (let p = n.parentNode; p; p = p.parentNode) {
        if (p === skip || SKIP.has((p as Element).tagName)) return 2; // FILTER_REJECT
      }
      return 1; // FILTER_ACCEPT
    },
  });
  // The page's text with runs of whitespace collapsed, and for each character where it came from.
  let text = '';
  const map: { node: Text; offset: number }[] = [];
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const s = n.data;
    for (let i = 0; i < s.length; i++) {
      const ws = /\s/.test(s[i]!);
      if (ws && (text.endsWith(' ') || text === '')) continue;
      text += ws ? ' ' : s[i]!.toLowerCase();
      map.push({ node: n, offset: i });
    }
    if (!text.endsWith(' ') && text !== '') {
      text += ' ';
      map.push({ node: n, offset: s.length });
    }
  }
  const at = text.indexOf(want);
  if (at < 0) return null;
  const start = map[at]!;
  const end = map[at + want.length - 1]!;
  const range = doc.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, Math.min(end.offset + 1, end.node.data.length));
  return range;
}

/** Shorter pieces to try when the whole excerpt is not on the page (extractors join parts: "Engineer · HopanaTech"). */
export function excerptCandidates(excerpt: string): string[] {
  const whole = excerpt.replace(/\s+/g, ' ').trim();
  const parts = whole
    .split(/\s[·|–—-]\s|[;,:•]\s|\n/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 4)
    .sort((a, b) => b.length - a.length);
  return [...new Set([whole, ...parts])].filter(Boolean);
}

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}

let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** Scrolls to and highlights the excerpt; false when no part of it is on the page. */
export function showOnPage(excerpt: string, skip?: Node | null, doc: Document = document): boolean {
  let range: Range | null = null;
  for (const c of excerptCandidates(excerpt)) if ((range = findTextRange(doc.body, c, skip))) break;
  if (!range) return false;
  const el = range.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  const win = doc.defaultView as (Window & { Highlight?: new (...r: Range[]) => unknown; CSS?: { highlights?: HighlightRegistry } }) | null;
  const registry = win?.CSS?.highlights;
  if (clearTimer) clearTimeout(clearTimer);
  if (registry && win?.Highlight) {
    if (!doc.getElementById('vetter-highlight-style')) {
      const style = doc.createElement('style');
      style.id = 'vetter-highlight-style';
      style.textContent = `::highlight(${HIGHLIGHT_NAME}) { background-color: #ffd54f; color: #000; }`;
      (doc.head ?? doc.documentElement).appendChild(style);
    }
    registry.set(HIGHLIGHT_NAME, new win.Highlight(range));
    clearTimer = setTimeout(() => registry.delete(HIGHLIGHT_NAME), 8000);
  } else if (el) {
    const before = el.style.outline;
    el.style.outline = '3px solid #ffb300';
    clearTimer = setTimeout(() => (el.style.outline = before), 4000);
  }
  return true;
}
