/**
 * The background side of the face analysis without a model: when a photo is analysed at all (settings, default
 * avatar, reviewed hosts), caching per photo URL, failures that never break the check, the photo fetch's guards,
 * the message encoding, and the overlay component.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FaceOverlay } from '../../components/FaceOverlay';
import { clearFaceCache, faceForProfile, type FaceDeps } from '../../lib/face/background';
import { fetchPhoto, MAX_PHOTO_BYTES } from '../../lib/face/fetch';
import { isAllowedPhotoUrl, PHOTO_HOST_PATTERNS } from '../../lib/face/hosts';
import { FaceAnalyzeRequest, fromBase64, toBase64 } from '../../lib/face/messages';
import type { FaceAnalysis } from '../../lib/face/schema';
import { makeProfile } from './helpers';

const ANALYSIS: FaceAnalysis = {
  faces: [],
  landmarks68: null,
  eyes: null,
  descriptor: null,
  facePhash: null,
  image: { width: 500, height: 500 },
  framing: null,
  modelMs: 12,
};
const PHOTO = 'https://www.upwork.com/profile-portraits/c1abc_100x100.jpg';

function deps(over: Partial<FaceDeps> = {}): FaceDeps & { calls: { fetch: number; analyze: number } } {
  const calls = { fetch: 0, analyze: 0 };
  return {
    calls,
    available: () => true,
    photoAnalysisOn: async () => true,
    prepare: async () => undefined,
    fetchPhoto: async () => (calls.fetch++, { bytes: new ArrayBuffer(8), mime: 'image/jpeg' }),
    analyze: async () => (calls.analyze++, ANALYSIS),
    log: () => undefined,
    ...over,
  };
}

beforeEach(() => clearFaceCache());

describe('faceForProfile', () => {
  it('fetches and analyses the photo once per URL', async () => {
    const d = deps();
    const p = makeProfile({ photo: { url: PHOTO, alt: null } });
    expect(await faceForProfile(p, d)).toEqual(ANALYSIS);
    expect(await faceForProfile(p, d)).toEqual(ANALYSIS);
    expect(d.calls).toEqual({ fetch: 1, analyze: 1 });
  });

  it('does nothing when photo analysis is off, unavailable, without a photo, on a default avatar or an unlisted host', async () => {
    const d = deps({ photoAnalysisOn: async () => false });
    expect(await faceForProfile(makeProfile({ photo: { url: PHOTO, alt: null } }), d)).toBeNull();
    const d2 = deps({ available: () => false });
    expect(await faceForProfile(makeProfile({ photo: { url: PHOTO, alt: null } }), d2)).toBeNull();
    const d3 = deps();
    expect(await faceForProfile(makeProfile({ photo: null }), d3)).toBeNull();
    expect(await faceForProfile(makeProfile({ photo: { url: 'https://www.upwork.com/profile-portraits/default-avatar.png', alt: null } }), d3)).toBeNull();
    expect(await faceForProfile(makeProfile({ photo: { url: 'https://tracker.example/p.jpg', alt: null } }), d3)).toBeNull();
    expect([d.calls, d2.calls, d3.calls]).toEqual([
      { fetch: 0, analyze: 0 },
      { fetch: 0, analyze: 0 },
      { fetch: 0, analyze: 0 },
    ]);
  });

  it('returns null on a failure, says why, and tries again on the next check', async () => {
    const log = vi.fn();
    let fail = true;
    const d = deps({
      log,
      analyze: async () => {
        if (fail) throw new Error('the WebAssembly backend could not start');
        return ANALYSIS;
      },
    });
    const p = makeProfile({ photo: { url: PHOTO, alt: null } });
    expect(await faceForProfile(p, d)).toBeNull();
    expect(log).toHaveBeenCalledWith('photo not analysed: the WebAssembly backend could not start');
    fail = false;
    expect(await faceForProfile(p, d)).toEqual(ANALYSIS);
  });

  it('fetches nothing when the analysis page cannot open', async () => {
    const d = deps({
      prepare: async () => {
        throw new Error('offscreen.createDocument is not available');
      },
    });
    expect(await faceForProfile(makeProfile({ photo: { url: PHOTO, alt: null } }), d)).toBeNull();
    expect(d.calls).toEqual({ fetch: 0, analyze: 0 });
  });
});

describe('fetchPhoto', () => {
  const respond = (body: BodyInit | null, headers: Record<string, string>, status = 200) =>
    (async () => new Response(body, { status, headers })) as unknown as typeof fetch;

  it('returns the bytes and type of an image from a listed host, without cookies', async () => {
    const spy = vi.fn(respond(new Uint8Array([1, 2, 3]), { 'content-type': 'image/jpeg; charset=binary' }));
    const r = await fetchPhoto(PHOTO, spy as unknown as typeof fetch);
    expect(r.mime).toBe('image/jpeg');
    expect(new Uint8Array(r.bytes)).toEqual(new Uint8Array([1, 2, 3]));
    expect(spy.mock.calls[0]![1]).toMatchObject({ credentials: 'omit' });
  });

  it('refuses unlisted hosts, non-images, errors and oversized photos with a plain message', async () => {
    await expect(fetchPhoto('https://evil.example/x.jpg', respond('x', { 'content-type': 'image/jpeg' }))).rejects.toThrow(/not in Vetter's list/);
    await expect(fetchPhoto(PHOTO, respond('<html>', { 'content-type': 'text/html' }))).rejects.toThrow(/did not return an image \(text\/html\)/);
    await expect(fetchPhoto(PHOTO, respond('nope', { 'content-type': 'text/plain' }, 404))).rejects.toThrow(/HTTP 404/);
    await expect(fetchPhoto(PHOTO, respond('x', { 'content-type': 'image/png', 'content-length': String(MAX_PHOTO_BYTES + 1) }))).rejects.toThrow(/too large/);
  });
});

describe('photo hosts', () => {
  it('allows the supported sites\' image hosts over https only, and only their photo paths', () => {
    for (const u of [
      PHOTO,
      'https://cdn3.f-cdn.com/ppic/251377204/logo/9120/profile_logo_9120.jpg',
      'https://fiverr-res.cloudinary.com/t_profile_original,q_auto,f_auto/attachments/profile/photo/0a9b/ck77.png',
      'https://res.cloudinary.com/gurucom/image/upload/u/4412098/tanya.jpg',
      'https://uploads.toptal.io/user/photo/1209931/large_lena.jpg',
      'https://media.licdn.com/dms/image/v2/D4E03AQ/profile-displayphoto-shrink_400_400/0/1',
      'https://avatars.githubusercontent.com/u/4812345?v=4',
      'https://dy5jo0nsuf6ys.cloudfront.net/photos/2081734/oliver.jpg',
    ])
      expect(isAllowedPhotoUrl(u), u).toBe(true);
    for (const u of ['http://www.upwork.com/profile-portraits/x.jpg', 'https://www.upwork.com/freelancers/~01', 'https://res.cloudinary.com/other/x.jpg', 'https://f-cdn.com.evil.example/x.jpg', 'not a url'])
      expect(isAllowedPhotoUrl(u), u).toBe(false);
    expect(PHOTO_HOST_PATTERNS.every((p) => p.startsWith('https://'))).toBe(true);
  });
});

describe('messages to the face-analysis page', () => {
  it('carries the bytes as base64 and back', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const b64 = toBase64(bytes.buffer);
    expect(Buffer.from(fromBase64(b64)).equals(Buffer.from(bytes))).toBe(true);
    expect(FaceAnalyzeRequest.safeParse({ type: 'vetter:face-analyze', target: 'offscreen', data: b64, mime: 'image/png' }).success).toBe(true);
    expect(FaceAnalyzeRequest.safeParse({ type: 'vetter:face-analyze', target: 'offscreen', data: '', mime: 'image/png' }).success).toBe(false);
  });
});

describe('FaceOverlay', () => {
  it('draws the photo, the two measured eyes and the two FFHQ targets in normalised coordinates', () => {
    const html = renderToStaticMarkup(<FaceOverlay photoUrl={PHOTO} eyes={{ left: { x: 0.374, y: 0.477 }, right: { x: 0.622, y: 0.49 } }} />);
    expect(html).toContain(`href="${PHOTO}"`);
    expect(html).toMatch(/data-eye="left" cx="0.374" cy="0.477"/);
    expect(html).toMatch(/data-eye="right" cx="0.622" cy="0.49"/);
    expect(html).toMatch(/data-target="left" cx="0.375" cy="0.473"/);
    expect(html).toMatch(/data-target="right" cx="0.625" cy="0.473"/);
  });
  it('draws the points without a photo', () => {
    const html = renderToStaticMarkup(<FaceOverlay eyes={{ left: { x: 0.3, y: 0.2 }, right: { x: 0.5, y: 0.2 } }} />);
    expect(html).not.toContain('<image');
    expect(html).toContain('data-eye="left"');
  });
});
