import { FFHQ_EYES, FRAMING_TOLERANCE } from '../lib/face/constants';
import type { Point } from '../lib/face/schema';

export interface FaceOverlayProps {
  /** The profile photo (drawn stretched to a square frame, as the normalised coordinates are). */
  photoUrl?: string | null;
  /** Measured eye centres, normalised 0–1 (lib/face/evidence.ts parseEyeEvidence reads them from the finding). */
  eyes: { left: Point; right: Point };
  /** Side in CSS pixels. */
  size?: number;
}

/**
 * The photo with where its eyes sit (filled dots) and where StyleGAN/FFHQ faces put them (circles of the check's
 * tolerance): when the dots sit inside the circles, the framing matches generated faces.
 */
export function FaceOverlay({ photoUrl, eyes, size = 200 }: FaceOverlayProps) {
  const stroke = 0.006;
  return (
    <figure className="vetter-face-overlay" style={{ margin: '6px 0' }}>
      <svg viewBox="0 0 1 1" width={size} height={size} role="img" aria-label="Where the eyes sit in the photo, against the StyleGAN face positions">
        <rect x={0} y={0} width={1} height={1} fill="#eee" />
        {photoUrl && <image href={photoUrl} x={0} y={0} width={1} height={1} preserveAspectRatio="none" />}
        {(['left', 'right'] as const).map((k) => (
          <circle key={`t-${k}`} data-target={k} cx={FFHQ_EYES[k].x} cy={FFHQ_EYES[k].y} r={FRAMING_TOLERANCE.eye} fill="none" stroke="#00e5ff" strokeWidth={stroke} strokeDasharray="0.01 0.006" />
        ))}
        {(['left', 'right'] as const).map((k) => (
          <circle key={`e-${k}`} data-eye={k} cx={eyes[k].x} cy={eyes[k].y} r={0.008} fill="#ff1744" stroke="#fff" strokeWidth={stroke / 2} />
        ))}
      </svg>
      <figcaption style={{ fontSize: '11px' }}>Red dots: the eyes in this photo. Dashed circles: where StyleGAN (thispersondoesnotexist) faces put them.</figcaption>
    </figure>
  );
}
