/** Words for history matches in findings and pages: which profile, on which site, at which address. */
import type { PlatformId } from '../profile/schema';
import type { Identity } from './schema';

export const PLATFORM_LABELS: Record<PlatformId, string> = {
  upwork: 'Upwork',
  freelancer: 'Freelancer.com',
  fiverr: 'Fiverr',
  toptal: 'Toptal',
  linkedin: 'LinkedIn',
  github: 'GitHub',
  guru: 'Guru',
  peopleperhour: 'PeoplePerHour',
  generic: 'another site',
};

/** `"Ana Costa" on PeoplePerHour (https://…)`; an unnamed profile is "an unnamed profile". */
export function describeIdentity(id: Identity): string {
  return `${id.name ? `"${id.name}"` : 'an unnamed profile'} on ${PLATFORM_LABELS[id.platform]} (${id.url})`;
}

/** "A, B and 2 more" */
export function listWords(xs: readonly string[], max = 3): string {
  const shown = xs.slice(0, max);
  const more = xs.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
