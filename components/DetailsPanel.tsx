import { useEffect, useId, useRef, useState } from 'react';
import { parseEyeEvidence } from '../lib/face/evidence';
import { FaceOverlay } from './FaceOverlay';
import { isDismissed } from '../lib/ui/dismissed';
import { t } from '../lib/i18n';
import type { Annotations } from '../lib/messages';
import { PROFILE_FIELDS } from '../lib/profile/fields';
import { CATEGORIES } from '../lib/report/constants';
import type { Finding, Report } from '../lib/report/schema';
import { SOURCES } from '../lib/rules/sources';
import { findingText } from '../lib/ui/finding-text';
import { levelReasonText } from '../lib/ui/level-reason';

export interface PanelActions {
  /** Scroll to and highlight the excerpt on the page; false when it is not found there. */
  showOnPage(excerpt: string): boolean | Promise<boolean>;
  dismiss(f: Finding, note: string): Promise<void>;
  undismiss(f: Finding): Promise<void>;
  /** Mark as verified with a note, or unmark (null). */
  verify(note: string | null): Promise<void>;
  openReport(): void;
  openHistory(): void;
}

const safeUrl = (u: string) => (/^https?:\/\//i.test(u) ? u : undefined);
const day = (iso: string) => iso.slice(0, 10);

/** A short note form (dismiss as explained, mark as verified): note optional, Enter in the field does not submit. */
function NoteForm({ label, submit, onSubmit, onCancel }: { label: string; submit: string; onSubmit(note: string): void; onCancel(): void }) {
  const [note, setNote] = useState('');
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      className="vetter-note-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(note.trim());
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={ref} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="vetter-row">
        <button type="submit" className="vetter-btn vetter-primary">
          {submit}
        </button>
        <button type="button" className="vetter-btn" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function EvidenceItem({ field, excerpt, actions }: { field: string; excerpt: string; actions?: PanelActions }) {
  const [state, setState] = useState<'idle' | 'found' | 'missing'>('idle');
  return (
    <li>
      <code>{field}</code>: <q>{excerpt}</q>{' '}
      {actions && excerpt.trim() && (
        <button
          type="button"
          className="vetter-link-btn vetter-show"
          onClick={async () => setState((await actions.showOnPage(excerpt)) ? 'found' : 'missing')}
        >
          {t('showOnPage')}
        </button>
      )}
      <span className="vetter-show-status" role="status">
        {state === 'missing' ? t('notOnPage') : state === 'found' ? t('highlighted') : ''}
      </span>
    </li>
  );
}

function FindingItem({ f, annotations, actions, photoUrl }: { f: Finding; annotations: Annotations | null; actions?: PanelActions; photoUrl?: string | null }) {
  const [dismissing, setDismissing] = useState(false);
  const dismissed = isDismissed(annotations, f);
  const src = SOURCES[f.indicator.source];
  return (
    <li className={`vetter-finding${dismissed ? ' vetter-dismissed' : ''}`} data-rule-id={f.ruleId} data-severity={f.severity} data-dismissed={dismissed ? 'true' : undefined}>
      <h4>
        <span className={`vetter-sev vetter-sev-${f.severity}`}>{t(`sev_${f.severity}`)}</span> {findingText(f, 'title')}
      </h4>
      {dismissed && (
        <p className="vetter-dismissal">
          {dismissed.note ? t('dismissedOnNote', [day(dismissed.at), dismissed.note]) : t('dismissedOn', day(dismissed.at))}{' '}
          {actions && (
            <button type="button" className="vetter-link-btn vetter-undo" onClick={() => void actions.undismiss(f)}>
              {t('undo')}
            </button>
          )}
        </p>
      )}
      <p>{findingText(f, 'explanation')}</p>
      {f.evidence.length > 0 && (
        <ul className="vetter-evidence" aria-label={t('evidence')}>
          {f.evidence.map((e, j) => (
            <EvidenceItem key={j} field={e.field} excerpt={e.excerpt} actions={actions} />
          ))}
        </ul>
      )}
      {f.ruleId === 'photo-synthetic' &&
        f.evidence.map((e) => parseEyeEvidence(e.excerpt)).map((eyes, j) => eyes && <FaceOverlay key={`o-${j}`} photoUrl={photoUrl} eyes={eyes} />)}
      <p className="vetter-next">
        <strong>{t('verifyNext')}</strong> {findingText(f, 'nextStep')}
      </p>
      <p className="vetter-source">
        {t('indicator')}{' '}
        <a href={safeUrl(f.indicator.url)} target="_blank" rel="noreferrer noopener" title={src?.title}>
          {f.indicator.source} ({f.indicator.id})
        </a>
      </p>
      {actions && !dismissed && f.severity !== 'info' && (
        dismissing ? (
          <NoteForm
            label={t('dismissNote')}
            submit={t('dismiss')}
            onCancel={() => setDismissing(false)}
            onSubmit={(note) => {
              setDismissing(false);
              void actions.dismiss(f, note);
            }}
          />
        ) : (
          <button type="button" className="vetter-btn vetter-dismiss" onClick={() => setDismissing(true)}>
            {t('dismissAsExplained')}
          </button>
        )
      )}
    </li>
  );
}

/** The findings, grouped by category, with why this level, evidence, sources, next steps and the manager's actions. */
export function DetailsPanel({
  report,
  annotations,
  actions,
  onClose,
  photoUrl,
  historyNote,
}: {
  report: Report;
  annotations: Annotations | null;
  actions?: PanelActions;
  onClose(): void;
  /** The profile photo, drawn under the eye overlay of the StyleGAN-framing finding. */
  photoUrl?: string | null;
  /** Why this check is not in the history (full, unavailable), as the background said it. */
  historyNote?: string | null;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const [verifying, setVerifying] = useState(false);
  const headingId = useId();
  useEffect(() => closeRef.current?.focus(), []);
  const grouped = CATEGORIES.map((c) => [c, report.findings.filter((f) => f.category === c)] as const).filter(([, fs]) => fs.length);
  const read = PROFILE_FIELDS.length - new Set(report.missing).size;
  const verified = annotations?.verified;
  return (
    <div id="vetter-details" className="vetter-details" role="dialog" aria-modal="false" aria-labelledby={headingId}>
      <div className="vetter-head">
        <h2 id={headingId}>{report.name ? t('panelTitleNamed', report.name) : t('panelTitle')}</h2>
        <button ref={closeRef} type="button" className="vetter-close" aria-label={t('closeDetails')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p className="vetter-why">{t('whyLevel', levelReasonText(report))}</p>
      <p className="vetter-read">
        {t('fieldsRead', [read, PROFILE_FIELDS.length])}
        {report.missing.length > 0 && <span className="vetter-missing"> {t('missingFields', report.missing.join(', '))}</span>}
      </p>
      {historyNote && (
        <p className="vetter-history-note" role="status">
          {historyNote}
        </p>
      )}
      <div className="vetter-verify">
        {verified ? (
          <p className="vetter-verified">
            {verified.note ? t('verifiedOnNote', [day(verified.at), verified.note]) : t('verifiedOn', day(verified.at))}{' '}
            {actions && (
              <button type="button" className="vetter-link-btn" onClick={() => void actions.verify(null)}>
                {t('undo')}
              </button>
            )}
          </p>
        ) : actions && verifying ? (
          <NoteForm
            label={t('verifyNote')}
            submit={t('markVerified')}
            onCancel={() => setVerifying(false)}
            onSubmit={(note) => {
              setVerifying(false);
              void actions.verify(note);
            }}
          />
        ) : (
          actions && (
            <button type="button" className="vetter-btn vetter-mark-verified" onClick={() => setVerifying(true)}>
              {t('markVerified')}
            </button>
          )
        )}
      </div>
      {grouped.length === 0 && <p>{t('noFindings')}</p>}
      {grouped.map(([cat, fs]) => (
        <section key={cat} className="vetter-cat" data-category={cat}>
          <h3>{t(`cat_${cat}`)}</h3>
          <ul>
            {fs.map((f, i) => (
              <FindingItem key={`${f.ruleId}-${i}`} f={f} annotations={annotations} actions={actions} photoUrl={photoUrl} />
            ))}
          </ul>
        </section>
      ))}
      {actions && (
        <p className="vetter-row vetter-links">
          <button type="button" className="vetter-btn vetter-full-report" onClick={actions.openReport}>
            {t('fullReport')}
          </button>
          <button type="button" className="vetter-btn" onClick={actions.openHistory}>
            {t('history')}
          </button>
        </p>
      )}
      <p className="vetter-disclaimer">{t('disclaimer')}</p>
    </div>
  );
}
