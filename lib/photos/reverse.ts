/**
 * One-click reverse image search links for a profile photo. Nothing is sent anywhere until the user clicks one:
 * the UI renders them as ordinary links (target _blank, rel noopener noreferrer).
 */
export interface ReverseLink {
  name: string;
  url: string;
}

export function reverseImageLinks(photoUrl: string): ReverseLink[] {
  let u: URL;
  try {
    u = new URL(photoUrl);
  } catch {
    return [];
  }
  // Only public web addresses can be searched (not data:, blob: or extension URLs).
  if (!/^https?:$/.test(u.protocol)) return [];
  const q = encodeURIComponent(u.href);
  return [
    { name: 'Google Lens', url: `https://lens.google.com/uploadbyurl?url=${q}` },
    { name: 'Bing', url: `https://www.bing.com/images/search?view=detailv2&iss=sbi&form=SBIVSP&q=imgurl:${q}` },
    { name: 'TinEye', url: `https://tineye.com/search?url=${q}` },
    { name: 'Yandex', url: `https://yandex.com/images/search?rpt=imageview&url=${q}` },
  ];
}
