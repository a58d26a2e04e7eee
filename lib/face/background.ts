/**
 * What the background's 'vetter:analyze' handler calls: the face analysis of the profile's photo, or null when photo
 * analysis is off (Settings.photoAnalysis), the profile has no photo or a default avatar, the photo host is not in
 * the reviewed list, or anything fails (the check then runs without the face rules; it never breaks the report).
 * Results are cached per photo URL: the content script re-reads pages as they change.
 */
import type { Profile } from '../profile/schema';
import { DEFAULT_AVATAR } from '../rules/photo-missing';
import { loadSettings } from '../settings/store';
import { analyzeFaceInBackground, faceAnalysisAvailable, prepareFaceAnalysis } from './client';
import { fetchPhoto } from './fetch';
import { isAllowedPhotoUrl } from './hosts';
import type { FaceAnalysis } from './schema';

const CACHE_MAX = 50;
const cache = new Map<string, Promise<FaceAnalysis | null>>();

export interface FaceDeps {
  available: () => boolean;
  photoAnalysisOn: () => Promise<boolean>;
  /** Opens the analysis page; it runs before the photo is fetched, so nothing is fetched where no model can run. */
  prepare: () => Promise<void>;
  fetchPhoto: typeof fetchPhoto;
  analyze: typeof analyzeFaceInBackground;
  log?: (msg: string) => void;
}

const defaultDeps: FaceDeps = {
  available: faceAnalysisAvailable,
  photoAnalysisOn: async () => (await loadSettings()).settings.photoAnalysis,
  prepare: prepareFaceAnalysis,
  fetchPhoto,
  analyze: analyzeFaceInBackground,
  log: (m) => console.warn(`Vetter: ${m}`),
};

export async function faceForProfile(profile: Profile, deps: FaceDeps = defaultDeps): Promise<FaceAnalysis | null> {
  const url = profile.photo?.url;
  if (!url || DEFAULT_AVATAR.test(url) || !isAllowedPhotoUrl(url) || !deps.available()) return null;
  if (!(await deps.photoAnalysisOn())) return null;
  let hit = cache.get(url);
  if (!hit) {
    hit = (async () => {
      try {
        await deps.prepare();
        const { bytes, mime } = await deps.fetchPhoto(url);
        return await deps.analyze(bytes, mime);
      } catch (e) {
        deps.log?.(`photo not analysed: ${e instanceof Error ? e.message : String(e)}`);
        cache.delete(url); // a failure is retried on the next check
        return null;
      }
    })();
    cache.set(url, hit);
    if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  }
  return hit;
}

/** For tests. */
export function clearFaceCache(): void {
  cache.clear();
}
