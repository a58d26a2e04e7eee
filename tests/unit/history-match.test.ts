import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/engine';
import { fingerprintText } from '../../lib/history/fingerprint';
import { digestOf, findMatches, linked, namesCompatible, type Probe } from '../../lib/history/match';
import { contactsOf, diffChanges, identityOf, mergeEntry, normalizeLink, snapshotOf, textFingerprints } from '../../lib/history/record';
import type { HistoryEntry, PhotoFingerprint } from '../../lib/history/schema';
import { hashImage } from '../../lib/photos/hash';
import type { Profile } from '../../lib/profile/schema';
import { loadImage, jpegRoundTrip, mirror } from './image-helpers';
import { makeProfile, NOW } from './helpers';
import { FIXTURES_ROOT } from './site-fixtures';
import { loadFixtures } from '../../lib/cli/harness';
import { checkHtml } from '../../lib/cli/check';

const BIO =
  'I am a senior full stack developer with eight years of experience building scalable web applications with React, Node.js and AWS. I have delivered more than forty projects for startups in fintech, e-commerce and healthcare, and I care about clean code, tests and clear communication.';

function photoOf(name: string, url: string, variant: 'same' | 'jpeg' | 'mirror' = 'same'): PhotoFingerprint {
  let img = loadImage(name);
  if (variant === 'jpeg') img = jpegRoundTrip(img, 50);
  if (variant === 'mirror') img = mirror(img);
  const h = hashImage(img);
  return { url, kind: 'photo', phash: h.phash, phashMirror: h.phashMirror, dhash: h.dhash, width: img.width, height: img.height, hashedAt: NOW.toISOString() };
}

function profile(platform: Profile['source']['platform'], id: string, name: string, extra: Partial<Profile> = {}): Profile {
  const host = { upwork: 'www.upwork.com/freelancers/', fiverr: 'www.fiverr.com/', guru: 'www.guru.com/freelancers/', github: 'github.com/', linkedin: 'www.linkedin.com/in/' }[platform as 'upwork'];
  return makeProfile({ name, source: { platform, url: `https://${host}${id}`, profileId: id, capturedAt: NOW.toISOString() }, ...extra });
}

function stored(p: Profile, photo: PhotoFingerprint | null, prev: HistoryEntry | null = null, now = NOW): HistoryEntry {
  return mergeEntry(prev, p, analyze(p, { now }), photo, textFingerprints(p), now);
}

function probeOf(p: Profile, photo: PhotoFingerprint | null): Probe {
  return { identity: identityOf(p), snapshot: snapshotOf(p), photo, text: textFingerprints(p), contacts: contactsOf(p) };
}

describe('record: contacts and changes', () => {
  it('normalizes links: host without www, no trailing slash, no tracking', () => {
    expect(normalizeLink('https://WWW.GitHub.com/AnaDev/?utm_source=upwork&tab=repos#top')).toBe('github.com/anadev?tab=repos');
    expect(normalizeLink('behance.net/ana/')).toBe('behance.net/ana');
    expect(normalizeLink('mailto:x@y.z')).toBeNull();
  });

  it('reads links, e-mails, phones and handles from the links and the text the person wrote', () => {
    const p = makeProfile({
      links: [{ url: 'https://www.github.com/AnaDev/', kind: 'github' }, { url: 'https://github.com', kind: 'github' }],
      overview: 'Mail me at Ana.Dev@Example.com or call +1 (415) 555-0134. Telegram: @ana_codes, Skype: live:ana.dev, WhatsApp +44 7700 900123. Portfolio https://ana.dev/work?utm_campaign=x. I build Telegram bots too.',
      rawText: 'Discord: anadev#1234 · Contact support@upwork.com · Help +1 888 555 0000',
    });
    const c = contactsOf(p).map((x) => `${x.kind}:${x.value}`);
    expect(c).toEqual(
      expect.arrayContaining(['link:github.com/anadev', 'link:ana.dev/work', 'email:ana.dev@example.com', 'phone:14155550134', 'handle:telegram:ana_codes', 'handle:skype:live:ana.dev', 'phone:447700900123', 'handle:discord:anadev#1234']),
    );
    // Not the person's: a platform's home page, the marketplace's support address, footer phone numbers, "Telegram bots".
    expect(c).not.toContain('link:github.com');
    expect(c.some((x) => x.includes('upwork.com') || x.includes('8885550000') || x === 'handle:telegram:bots')).toBe(false);
  });

  it('lists changed name, location, payment and photo, and ignores fields a partial read missed', () => {
    const a = snapshotOf(makeProfile({ name: 'Ana Costa', location: { raw: 'Lisbon, Portugal', city: 'Lisbon', country: 'PT' }, paymentMentions: ['Paid via Payoneer'] }));
    const b = snapshotOf(makeProfile({ name: 'Maria Silva', location: { raw: 'Austin, TX, United States', city: 'Austin', country: 'US' }, paymentMentions: ['Paid via USDT'] }));
    const at = NOW.toISOString();
    expect(diffChanges({ snapshot: a, photo: null }, { snapshot: b, photo: null }, at).map((c) => c.field)).toEqual(['name', 'location', 'payment']);
    const partial = snapshotOf(makeProfile({ name: 'Ana Costa', location: null, photo: null }));
    expect(diffChanges({ snapshot: a, photo: null }, { snapshot: partial, photo: null }, at)).toEqual([]);
    // The same picture at a new CDN address is not a change; a different picture is.
    const pa = photoOf('astronaut', 'https://cdn/a.jpg');
    const pb = photoOf('astronaut', 'https://cdn/b.jpg', 'jpeg');
    const pc = photoOf('camera', 'https://cdn/c.jpg');
    const withPhoto = (u: string) => ({ ...a, photoUrl: u });
    expect(diffChanges({ snapshot: withPhoto(pa.url), photo: pa }, { snapshot: withPhoto(pb.url), photo: pb }, at)).toEqual([]);
    expect(diffChanges({ snapshot: withPhoto(pa.url), photo: pa }, { snapshot: withPhoto(pc.url), photo: pc }, at).map((c) => c.field)).toEqual(['photo']);
  });

  it('mergeEntry counts checks, keeps first-seen, notes and every distinct photo', () => {
    const p = makeProfile({ name: 'Ana Costa' });
    const first = stored(p, photoOf('astronaut', 'https://cdn/a.jpg'));
    const later = new Date(NOW.getTime() + 86_400_000);
    const withNotes = { ...first, verified: { note: 'ok', at: NOW.toISOString() } };
    const second = stored({ ...p, name: 'Maria Silva' }, photoOf('camera', 'https://cdn/c.jpg'), withNotes, later);
    expect(second.checks).toBe(2);
    expect(second.firstSeen).toBe(NOW.toISOString());
    expect(second.lastSeen).toBe(later.toISOString());
    expect(second.verified?.note).toBe('ok');
    expect(second.photos.map((x) => x.url)).toEqual(['https://cdn/a.jpg', 'https://cdn/c.jpg']);
    expect(second.changes.map((c) => c.field)).toEqual(['name', 'photo']);
  });
});

describe('match', () => {
  it('names: "Daniel K." fits "Daniel Kim", not "Daniel Lee"; linked accounts by name across sites or by links', () => {
    expect(namesCompatible('Daniel K.', 'Daniel Kim')).toBe(true);
    expect(namesCompatible('Kim Daniel', 'daniel kim')).toBe(true);
    expect(namesCompatible('Daniel K.', 'Daniel Lee')).toBe(false);
    expect(namesCompatible(null, 'Daniel Kim')).toBe(false);
    const gh = profile('github', 'anadev', 'Ana');
    const li = profile('linkedin', 'someone', 'Someone Else', { links: [{ url: 'https://github.com/AnaDev', kind: 'github' }] });
    expect(linked(probeOf(li, null), digestOf(stored(gh, null)))).toBe(true);
  });

  it('finds the same photo (recompressed or mirrored) under another name, with links to it', () => {
    const first = stored(profile('upwork', '~01first', 'Daniel K.'), photoOf('astronaut', 'https://www.upwork.com/profile-portraits/a.jpg'));
    const other = stored(profile('upwork', '~01other', 'Li Wei'), photoOf('camera', 'https://www.upwork.com/profile-portraits/b.jpg'));
    const second = profile('fiverr', 'james_w', 'James Walker');
    for (const variant of ['jpeg', 'mirror'] as const) {
      const m = findMatches(probeOf(second, photoOf('astronaut', 'https://fiverr-res.cloudinary.com/x.jpg', variant)), [first, other].map(digestOf), null, NOW);
      expect(m.photo.map((x) => x.other.name)).toEqual(['Daniel K.']);
      expect(m.photo[0]!.mirrored).toBe(variant === 'mirror');
      expect(m.photo[0]!.other.url).toBe('https://www.upwork.com/freelancers/~01first');
    }
  });

  it('the same key is never another identity; the same name on another site is a linked account (near misses)', () => {
    const p = profile('upwork', '~01first', 'Daniel K.');
    const e = stored(p, photoOf('astronaut', 'https://x/a.jpg'));
    expect(findMatches(probeOf(p, photoOf('astronaut', 'https://x/a.jpg')), [digestOf(e)], e, NOW).photo).toEqual([]);
    const sameName = profile('linkedin', 'daniel-kim', 'Daniel Kim');
    expect(findMatches(probeOf(sameName, photoOf('astronaut', 'https://x/b.jpg')), [digestOf(e)], null, NOW).photo).toEqual([]);
    // The same name under a second id on the same site: neither reuse nor (common names) photoVaries.
    const secondAccount = profile('upwork', '~01second', 'Daniel K.');
    expect(findMatches(probeOf(secondAccount, photoOf('astronaut', 'https://x/c.jpg')), [digestOf(e)], null, NOW).photo).toEqual([]);
    expect(findMatches(probeOf(secondAccount, photoOf('camera', 'https://x/d.jpg')), [digestOf(e)], null, NOW).photoVaries).toEqual([]);
    // An unnamed profile on another site is not "another name".
    const unnamed = profile('github', 'dk-dev', 'placeholder', { name: null });
    expect(findMatches(probeOf(unnamed, photoOf('astronaut', 'https://x/e.jpg')), [digestOf(e)], null, NOW).photo).toEqual([]);
    // One picture at one address on several accounts is the site's default image, not a reused photo.
    const other = profile('upwork', '~01other', 'Someone Else');
    expect(findMatches(probeOf(other, photoOf('astronaut', 'https://x/a.jpg')), [digestOf(e)], null, NOW).photo).toEqual([]);
    expect(findMatches(probeOf(other, photoOf('astronaut', 'https://x/f.jpg')), [digestOf(e)], null, NOW).photo).toHaveLength(1);
  });

  it('photoVaries: a linked account or an earlier check with a very different photo', () => {
    const gh = stored(profile('github', 'danielkim', 'Daniel Kim'), photoOf('camera', 'https://avatars.githubusercontent.com/u/1'));
    const up = profile('upwork', '~01d', 'Daniel K.');
    const m = findMatches(probeOf(up, photoOf('astronaut', 'https://www.upwork.com/profile-portraits/d.jpg')), [digestOf(gh)], null, NOW);
    expect(m.photoVaries.map((x) => x.other.name)).toEqual(['Daniel Kim']);
    expect(m.photo).toEqual([]);
    const earlier = stored(up, photoOf('chelsea', 'https://www.upwork.com/profile-portraits/old.jpg'));
    const again = findMatches(probeOf(up, photoOf('astronaut', 'https://www.upwork.com/profile-portraits/d.jpg')), [digestOf(earlier)], earlier, NOW);
    expect(again.photoVaries.map((x) => x.url)).toEqual(['https://www.upwork.com/profile-portraits/old.jpg']);
    expect(again.previousChecks).toBe(1);
    expect(again.changes.map((c) => c.field)).toEqual(['photo']);
    // The same picture again is not "varies".
    expect(findMatches(probeOf(up, photoOf('chelsea', 'https://www.upwork.com/profile-portraits/old.jpg', 'jpeg')), [digestOf(earlier)], earlier, NOW).photoVaries).toEqual([]);
  });

  it('finds a copied bio with a changed name and the shared passage; a different bio does not match', () => {
    const first = stored(profile('upwork', '~01a', 'Daniel K.', { overview: `Hi, I am Daniel. ${BIO}` }), null);
    const copy = profile('guru', 'jwalker', 'James Walker', { overview: `Hello, I am James. ${BIO.replace('eight', 'nine').replace('forty', 'fifty')}` });
    const m = findMatches(probeOf(copy, null), [digestOf(first)], null, NOW);
    expect(m.text).toHaveLength(1);
    expect(m.text[0]!.similarity).toBeGreaterThan(0.5);
    expect(m.text[0]!.passage).toContain('I care about clean code, tests and clear communication');
    const other = profile('guru', 'other', 'Other Person', { overview: 'Certified translator from Portuguese and Spanish into English, specialised in legal and medical documents, with a fast turnaround and a native proofreader on every job.' });
    expect(findMatches(probeOf(other, null), [digestOf(first)], null, NOW).text).toEqual([]);
  });

  it('finds a shared contact under another identity, not between linked accounts', () => {
    const first = stored(profile('upwork', '~01a', 'Daniel K.', { links: [{ url: 'https://github.com/shared-portfolio', kind: 'github' }], overview: 'Reach me: dk.dev@proton.me' }), null);
    const second = profile('fiverr', 'james_w', 'James Walker', { overview: 'Email DK.DEV@proton.me; code at github.com/Shared-Portfolio/' });
    const m = findMatches(probeOf(second, null), [digestOf(first)], null, NOW);
    expect(m.contacts.map((c) => `${c.contact.kind}:${c.contact.value}`).sort()).toEqual(['email:dk.dev@proton.me', 'link:github.com/shared-portfolio']);
    const sameName = profile('fiverr', 'danielk', 'Daniel Kim', { overview: 'Email dk.dev@proton.me' });
    expect(findMatches(probeOf(sameName, null), [digestOf(first)], null, NOW).contacts).toEqual([]);
  });

  // Left out: the deliberate copies (cross- pairs for the history e2e, face- pages reusing the clean Upwork profile with another photo).
  it('no matches among the fixture profiles themselves (distinct people)', () => {
    const digests: ReturnType<typeof digestOf>[] = [];
    for (const f of loadFixtures(FIXTURES_ROOT).filter((x) => !/\/(cross|face)-/.test(x.file) && !x.file.startsWith('generic/') && !x.file.startsWith('hostile/'))) {
      const p = checkHtml(f.html, f.url).profile;
      const m = findMatches(probeOf(p, null), digests, null, NOW);
      expect([m.text, m.contacts], f.file).toEqual([[], []]);
      digests.push(digestOf(stored(p, null)));
    }
    expect(digests.length).toBeGreaterThan(20);
    expect(fingerprintText('overview', BIO)).not.toBeNull();
  }, 60_000);
});
