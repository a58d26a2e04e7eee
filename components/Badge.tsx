import { useState } from 'react';
import type { Report } from '../lib/report/schema';
import { CATEGORIES } from '../lib/report/schema';
import { parseEyeEvidence } from '../lib/face/evidence';
import { FaceOverlay } from './FaceOverlay';

const LEVEL_TEXT: Record<Report['level'], string> = {
  none: 'No flags',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

export interface BadgeProps {
  report: Report | null;
  error?: string | null;
  busy?: boolean;
  /** The profile photo's URL, drawn under the eye overlay of the StyleGAN-framing finding. */
  photoUrl?: string | null;
}

/** The on-page badge: level (text and colour), flag count, partial-read notice; opens the findings list. */
export function Badge({ report, error, busy, photoUrl }: BadgeProps) {
  const [open, setOpen] = useState(false);
  if (error) {
    return (
      <div className="vetter-badge" data-level="error" role="status">
        <span className="vetter-pill vetter-error">Vetter could not check this page: {error}</span>
      </div>
    );
  }
  if (!report) {
    return (
      <div className="vetter-badge" data-level="pending" role="status" aria-busy={busy ? 'true' : 'false'}>
        <span className="vetter-pill">Vetter: checking…</span>
      </div>
    );
  }
  const n = report.findings.filter((f) => f.severity !== 'info').length;
  const grouped = CATEGORIES.map((c) => [c, report.findings.filter((f) => f.category === c)] as const).filter(([, fs]) => fs.length);
  return (
    <div className="vetter-badge" data-level={report.level} data-flags={n}>
      <button
        type="button"
        className={`vetter-pill vetter-${report.level}`}
        aria-expanded={open}
        aria-controls="vetter-details"
        onClick={() => setOpen((o) => !o)}
      >
        <strong>Vetter: {LEVEL_TEXT[report.level]}</strong>
        <span className="vetter-count">
          {n} flag{n === 1 ? '' : 's'}
        </span>
        {report.missing.length > 0 && <span className="vetter-partial">partial read</span>}
      </button>
      {open && (
        <div id="vetter-details" className="vetter-details" role="region" aria-label="Vetter findings">
          <div className="vetter-head">
            <p className="vetter-why">Why this level: {report.levelReason}</p>
            <button type="button" className="vetter-close" aria-label="Close the Vetter details" onClick={() => setOpen(false)}>
              ×
            </button>
          </div>
          {report.missing.length > 0 && (
            <p className="vetter-missing">Partial read: not found on the page: {report.missing.join(', ')}.</p>
          )}
          {grouped.map(([cat, fs]) => (
            <section key={cat} className="vetter-cat">
              <h3>{cat}</h3>
              <ul>
                {fs.map((f, i) => (
                  <li key={`${f.ruleId}-${i}`} className="vetter-finding" data-rule-id={f.ruleId} data-severity={f.severity}>
                    <h4>
                      <span className={`vetter-sev vetter-sev-${f.severity}`}>{f.severity}</span> {f.title}
                    </h4>
                    <p>{f.explanation}</p>
                    {f.evidence.length > 0 && (
                      <ul className="vetter-evidence">
                        {f.evidence.map((e, j) => (
                          <li key={j}>
                            <code>{e.field}</code>: {e.excerpt}
                          </li>
                        ))}
                      </ul>
                    )}
                    {f.ruleId === 'photo-synthetic' &&
                      f.evidence.map((e) => parseEyeEvidence(e.excerpt)).map((eyes, j) => eyes && <FaceOverlay key={`o-${j}`} photoUrl={photoUrl} eyes={eyes} />)}
                    <p className="vetter-next">
                      <strong>Verify next:</strong> {f.nextStep}
                    </p>
                    <p className="vetter-source">
                      Source:{' '}
                      <a href={/^https?:\/\//.test(f.indicator.url) ? f.indicator.url : undefined} target="_blank" rel="noreferrer noopener">
                        {f.indicator.source} ({f.indicator.id})
                      </a>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <p className="vetter-disclaimer">A triage aid, not a verdict: verify before acting; never decide on origin, school or language.</p>
        </div>
      )}
    </div>
  );
}
