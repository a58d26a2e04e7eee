import type { PlatformId, Profile } from '../profile/schema';

export interface ExtractOptions {
  /** The page's address (the CLI passes the saved page's original URL). */
  url: string;
  /** When the page was read; defaults to now. */
  now?: Date;
}

/**
 * One extractor per site. `matches` are WebExtension match patterns (they feed the manifest's content script);
 * `handles` is the precise test on a URL (profile pages only, not job or search pages).
 */
export interface Extractor {
  id: PlatformId;
  label: string;
  matches: readonly string[];
  handles(url: URL): boolean;
  /** Never throws: an odd page yields a partial Profile with `missing[]` filled in. */
  extract(doc: Document, opts: ExtractOptions): Profile;
}
