/**
 * The same person's other accounts as the pages link them, for profile-mismatch: stored profiles whose address is
 * one of this profile's links (a LinkedIn or GitHub link on an Upwork page), and stored profiles that link to this
 * one. Only explicit links count here (not a similar name), so what is compared is what the person presented as
 * their own account. Pure except `linkedProfiles`, which reads the matched entries from the store.
 */
import type { Digest, Probe } from './match';
import { normalizeLink } from './record';
import type { HistoryEntry, HistoryMatches } from './schema';

export type Direction = 'links-to' | 'linked-from';
/** At most this many linked profiles are read and compared per check. */
export const MAX_LINKED = 5;

/**
 * Each digest's profile address, normalized once: the store keeps its digests in memory between checks, so every
 * later check compares without parsing every stored URL again.
 */
const digestUrls = new WeakMap<Digest, string | null>();
function digestUrl(d: Digest): string | null {
  let u = digestUrls.get(d);
  if (u === undefined) digestUrls.set(d, (u = normalizeLink(d.identity.url)));
  return u;
}

/** The stored digests linked to the probe, with the direction of the link; the probe's own key is left out. */
export function linkedDigests(probe: Pick<Probe, 'identity' | 'contacts'>, digests: readonly Digest[]): { digest: Digest; direction: Direction }[] {
  const mine = new Set(probe.contacts.filter((c) => c.kind === 'link').map((c) => c.value));
  const self = normalizeLink(probe.identity.url);
  const out: { digest: Digest; direction: Direction }[] = [];
  for (const d of digests) {
    if (d.identity.key === probe.identity.key) continue;
    const url = digestUrl(d);
    if (url && mine.has(url)) out.push({ digest: d, direction: 'links-to' });
    else if (self && d.contacts.some((c) => c.kind === 'link' && c.value === self)) out.push({ digest: d, direction: 'linked-from' });
    if (out.length >= MAX_LINKED) break;
  }
  return out;
}

/** The `linked` part of the history matches: each linked digest's stored entry (skipped when it is gone). */
export async function linkedProfiles(
  store: { get(key: string): Promise<HistoryEntry | null> },
  probe: Pick<Probe, 'identity' | 'contacts'>,
  digests: readonly Digest[],
): Promise<NonNullable<HistoryMatches['linked']>> {
  const out: NonNullable<HistoryMatches['linked']> = [];
  for (const { digest, direction } of linkedDigests(probe, digests)) {
    const e = await store.get(digest.identity.key);
    if (e) out.push({ other: e.identity, direction, snapshot: e.snapshot, checkedAt: e.lastSeen });
  }
  return out;
}
