/**
 * Same-person matching from face descriptors (pure). Bands from shared/photos.md §2 (face-api / dlib ResNet,
 * Euclidean distance): < 0.40 the same photo or the same person in a very similar shot; 0.40–0.55 likely the same
 * person; 0.55–0.60 weak (not reported); > 0.60 different people. The model is weaker on non-white faces and on
 * children, so a match is a question for the hiring manager, never a verdict.
 */
import type { Identity } from '../history/schema';

/** Euclidean distance between two descriptors. */
export function descriptorDistance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}

export const FACE_BANDS = { samePhoto: 0.4, likelySame: 0.55, different: 0.6 } as const;
export type FaceBand = 'same-photo' | 'likely-same' | 'weak' | 'different';

export function faceBand(distance: number): FaceBand {
  if (distance < FACE_BANDS.samePhoto) return 'same-photo';
  if (distance <= FACE_BANDS.likelySame) return 'likely-same';
  if (distance <= FACE_BANDS.different) return 'weak';
  return 'different';
}

/**
 * Squared Euclidean distance, giving up once it exceeds `limit2` (it then returns a value above `limit2`): most stored
 * faces are other people, far away, and are left after a fraction of the 128 numbers.
 */
function distance2Within(a: readonly number[], b: readonly number[], limit2: number): number {
  const n = a.length;
  let s = 0;
  let i = 0;
  while (i < n) {
    const end = Math.min(n, i + 16);
    for (; i < end; i++) {
      const d = a[i]! - b[i]!;
      s += d * d;
    }
    if (s > limit2) return s;
  }
  return s;
}

/**
 * The items whose face descriptor is within the "likely same person" band of `descriptor` (index into `items` and
 * distance, rounded to 4 decimals), closest first. Items without a descriptor, or of another length, are skipped.
 */
export function closeFaces<T>(descriptor: readonly number[], items: readonly T[], faceOf: (item: T) => readonly number[] | null | undefined): { item: T; index: number; distance: number }[] {
  const limit2 = FACE_BANDS.likelySame ** 2;
  const out: { item: T; index: number; distance: number }[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    const f = faceOf(item);
    if (!f || f.length !== descriptor.length) continue;
    const d2 = distance2Within(descriptor, f, limit2);
    if (d2 <= limit2) out.push({ item, index, distance: Math.round(Math.sqrt(d2) * 1e4) / 1e4 });
  }
  return out.sort((a, b) => a.distance - b.distance);
}

/**
 * Stored faces (other profiles' descriptors) within the "likely same person" band of this descriptor, closest first.
 * Entries with the same identity key as `self` are skipped (a profile is not a match of itself).
 */
export function sameFaceMatches(
  descriptor: readonly number[],
  stored: readonly { identity: Identity; descriptor: readonly number[] }[],
  self?: { key: string },
): { other: Identity; distance: number }[] {
  return closeFaces(descriptor, stored, (s) => (self && s.identity.key === self.key ? null : s.descriptor)).map(({ item, distance }) => ({ other: item.identity, distance }));
}
