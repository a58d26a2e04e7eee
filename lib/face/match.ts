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
 * Stored faces (other profiles' descriptors) within the "likely same person" band of this descriptor, closest first.
 * Entries with the same identity key as `self` are skipped (a profile is not a match of itself).
 */
export function sameFaceMatches(
  descriptor: readonly number[],
  stored: readonly { identity: Identity; descriptor: readonly number[] }[],
  self?: { key: string },
): { other: Identity; distance: number }[] {
  const out: { other: Identity; distance: number }[] = [];
  for (const s of stored) {
    if (self && s.identity.key === self.key) continue;
    if (s.descriptor.length !== descriptor.length) continue;
    const distance = descriptorDistance(descriptor, s.descriptor);
    if (distance <= FACE_BANDS.likelySame) out.push({ other: s.identity, distance: Math.round(distance * 1e4) / 1e4 });
  }
  return out.sort((a, b) => a.distance - b.distance);
}
