/** Light or dark: follow the page's own background (what the user sees), else the system preference. */

/** Relative luminance (WCAG) of a CSS colour string `rgb()`/`rgba()`; null when transparent or unparsable. */
export function luminance(css: string): number | null {
  const m = css.match(/rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  if (alpha < 0.5) return null;
  const lin = (v: string) => {
    const c = Math.min(255, parseFloat(v)) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!);
}

export type Scheme = 'light' | 'dark';

/** The page's scheme from the first opaque background of body or html, else `prefers-color-scheme`. */
export function pageScheme(doc: Document = document): Scheme {
  const win = doc.defaultView;
  for (const el of [doc.body, doc.documentElement]) {
    if (!el || !win) continue;
    const l = luminance(win.getComputedStyle(el).backgroundColor);
    if (l !== null) return l < 0.2 ? 'dark' : 'light';
  }
  return win?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
