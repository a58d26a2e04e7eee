import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { t, uiLang } from '../lib/i18n';
import type { Annotations } from '../lib/messages';
import { PROFILE_FIELDS } from '../lib/profile/fields';
import type { Report } from '../lib/report/schema';
import type { Scheme } from '../lib/ui/scheme';
import { DetailsPanel, type PanelActions } from './DetailsPanel';

export interface BadgeProps {
  report: Report | null;
  error?: string | null;
  busy?: boolean;
  annotations?: Annotations | null;
  scheme?: Scheme;
  /** Fixed-position coordinates next to the profile's name; absent: the top-right corner. */
  position?: { top: number; left: number } | null;
  actions?: PanelActions;
  /** Hide the badge for this page (until the next check from the toolbar). */
  onHide?: () => void;
  /** The profile photo's URL, drawn under the eye overlay of the StyleGAN-framing finding. */
  photoUrl?: string | null;
  /** Why this check is not in the history (full, unavailable); shown in the details panel. */
  historyNote?: string | null;
}

/** Flags that count (info notes do not), without those the manager dismissed as explained. */
export function countFlags(report: Report, annotations?: Annotations | null): number {
  return report.findings.filter(
    (f) => f.severity !== 'info' && !annotations?.dismissals.some((d) => d.ruleId === f.ruleId && d.title === f.title),
  ).length;
}

export function levelText(level: Report['level']): string {
  return t(`level_${level}`);
}

/** The on-page badge: level (text and colour), flag count, partial read; opens the details panel. */
export function Badge({ report, error, busy, annotations, scheme = 'light', position, actions, onHide, photoUrl, historyNote }: BadgeProps) {
  const [open, setOpen] = useState(false);
  const pillRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Focus returns to the badge when the panel closes.
    if (wasOpen.current && !open) pillRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  // The panel below the badge fits in the viewport (it scrolls inside).
  const viewH = typeof window === 'undefined' ? 800 : window.innerHeight;
  const style = (
    position ? { top: `${position.top}px`, left: `${position.left}px`, right: 'auto', '--vetter-panel-max': `${Math.max(240, viewH - position.top - 56)}px` } : undefined
  ) as CSSProperties | undefined;
  const common = { 'data-scheme': scheme, style, lang: uiLang() };
  if (error) {
    return (
      <div className="vetter-badge" data-level="error" role="status" {...common}>
        <span className="vetter-pill vetter-error">{t('badgeError', error)}</span>
      </div>
    );
  }
  if (!report) {
    return (
      <div className="vetter-badge" data-level="pending" role="status" aria-busy={busy ? 'true' : 'false'} {...common}>
        <span className="vetter-pill">{t('badgeChecking')}</span>
      </div>
    );
  }
  const n = countFlags(report, annotations);
  const read = PROFILE_FIELDS.length - new Set(report.missing).size;
  // The panel opens towards the side with room for it.
  const alignRight = !position || position.left + 460 > (typeof window === 'undefined' ? 1280 : window.innerWidth);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
    }
  };
  return (
    <div
      className={`vetter-badge${open ? ' vetter-open' : ''}${alignRight ? ' vetter-align-right' : ''}`}
      data-level={report.level}
      data-flags={n}
      data-verified={annotations?.verified ? 'true' : undefined}
      onKeyDown={onKeyDown}
      {...common}
    >
      <div className="vetter-bar">
        <button
          ref={pillRef}
          type="button"
          className={`vetter-pill vetter-${report.level}`}
          aria-expanded={open}
          aria-controls="vetter-details"
          onClick={() => setOpen((o) => !o)}
        >
          <span className="vetter-dot" aria-hidden="true" />
          <strong>{t('badgeLevel', levelText(report.level))}</strong>
          <span className="vetter-count">{n === 1 ? t('flagsOne') : t('flagsMany', n)}</span>
          {report.missing.length > 0 && (
            <span className="vetter-partial" title={t('fieldsRead', [read, PROFILE_FIELDS.length])}>
              {t('partialRead')}
            </span>
          )}
          {annotations?.verified && <span className="vetter-verified-tag">{t('verifiedTag')}</span>}
        </button>
        {onHide && (
          <button type="button" className="vetter-hide" aria-label={t('hideBadge')} title={t('hideBadge')} onClick={onHide}>
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      {open && <DetailsPanel report={report} annotations={annotations ?? null} actions={actions} onClose={() => setOpen(false)} photoUrl={photoUrl} historyNote={historyNote} />}
    </div>
  );
}
