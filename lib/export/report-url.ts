/**
 * Where the full, printable report page lives, for the popup, the details panel and the history page:
 * `browser.tabs.create({ url: browser.runtime.getURL(reportPath([key])) })`.
 * One `key=` parameter per profile (keys may contain commas); `all=1` for the whole history.
 */
export function reportPath(selection: readonly string[] | 'all'): `/report.html${string}` {
  if (selection === 'all') return '/report.html?all=1';
  const q = new URLSearchParams();
  for (const k of selection) q.append('key', k);
  return `/report.html?${q.toString()}`;
}

export type Selection = { kind: 'keys'; keys: string[] } | { kind: 'all' } | { kind: 'none' };

/** `?key=a&key=b`, `?keys=a,b` (comma-separated) or `?all=1`. */
export function parseSelection(search: string): Selection {
  const q = new URLSearchParams(search);
  if (q.get('all') === '1') return { kind: 'all' };
  const keys = [...q.getAll('key'), ...q.getAll('keys').flatMap((s) => s.split(','))].map((k) => k.trim()).filter(Boolean);
  return keys.length ? { kind: 'keys', keys: [...new Set(keys)] } : { kind: 'none' };
}
