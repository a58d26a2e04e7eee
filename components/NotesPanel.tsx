/**
 * The manager's own evidence for one profile: the interview checklist from the official guidance, the equipment
 * shipping address (a change keeps the earlier one), pasted payment instructions and messages, and a free comment,
 * with a live list of what the analysis of the pasted text found. Pure: no storage; every change goes to `onChange`
 * as a schema-valid ManagerNotes (the caller stores it and passes it back in `notes`). Styles: notes-panel.css.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { analyzePasted, type NotesAnalysis, type NotesHit } from '../lib/notes/analyze';
import { tn, t } from '../lib/i18n';
import { answerText, checklistHelp, checklistLabel, pasteKindText } from '../lib/notes/labels';
import { hitLabel } from '../lib/ui/notes-hit-label';
import { CHECKLIST_ITEMS, emptyNotes, ManagerNotes, PASTE_KINDS, type ChecklistAnswer, type ChecklistItem, type PastedText } from '../lib/notes/schema';

export interface NotesPanelProps {
  notes: ManagerNotes | null;
  /** The profile's name, to compare payee names with. */
  profileName: string | null;
  onChange(notes: ManagerNotes): void;
  /** The analysis of `notes` when the caller has it; computed here otherwise. */
  analysis?: NotesAnalysis | null;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
}

const MAX_PASTE = 20_000;
const MAX_PASTES = 200;
const ANSWERS = ['concern', 'no-concern', 'unknown'] as const;

const sameAddress = (a: string, b: string) => a.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim() === b.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Hits worth listing: links, bank accounts and e-mails/phones that did not change are only counted. */
const listed = (h: NotesHit) => h.kind !== 'link' && h.kind !== 'bank-account' && !(h.kind === 'contact' && !h.changed);

export function NotesPanel({ notes, profileName, onChange, analysis, now = () => new Date() }: NotesPanelProps) {
  const id = useId();
  const current = notes ?? emptyNotes(now());
  // Re-analysed only when the pasted texts change (typing a checklist note or the comment keeps the same array).
  const pasted = notes?.pasted;
  const shown = useMemo(() => analysis ?? analyzePasted(pasted ?? [], profileName), [analysis, pasted, profileName]);
  const [error, setError] = useState<string | null>(null);
  const [addressDraft, setAddressDraft] = useState<string | null>(null);
  const [pasteDraft, setPasteDraft] = useState('');
  const [pasteKind, setPasteKind] = useState<PastedText['kind']>('payment');

  /** Validate and hand the new notes over; an invalid change is explained and not sent (nothing is lost). */
  function emit(next: Omit<ManagerNotes, 'updatedAt'>): boolean {
    const r = ManagerNotes.safeParse({ ...next, updatedAt: now().toISOString() });
    if (!r.success) {
      setError(t('notes_invalid', r.error.issues.map((i) => `${i.path.join('.') || 'notes'}: ${i.message}`).join('; ')));
      return false;
    }
    setError(null);
    onChange(r.data);
    return true;
  }

  const answerOf = (item: ChecklistItem): ChecklistAnswer => current.checklist[item] ?? { answer: 'unknown', note: '' };
  const setItem = (item: ChecklistItem, patch: Partial<ChecklistAnswer>) => emit({ ...current, checklist: { ...current.checklist, [item]: { ...answerOf(item), ...patch } } });

  const addressValue = addressDraft ?? current.shippingAddress ?? '';
  function saveAddress() {
    const v = addressValue.trim();
    const prev = current.shippingAddress;
    if (!v) {
      if (emit({ ...current, shippingAddress: null })) setAddressDraft(null);
      return;
    }
    if (prev && sameAddress(prev, v)) {
      setAddressDraft(null);
      return;
    }
    if (emit({ ...current, shippingAddress: v, previousAddresses: prev ? [...current.previousAddresses, prev] : current.previousAddresses })) setAddressDraft(null);
  }
  const onAddressKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      saveAddress();
    }
  };

  function addPaste() {
    const text = pasteDraft.trim();
    if (!text) return setError(t('notes_paste_empty'));
    if (text.length > MAX_PASTE) return setError(t('notes_paste_too_long', [text.length.toLocaleString('en-US'), MAX_PASTE.toLocaleString('en-US')]));
    if (current.pasted.length >= MAX_PASTES) return setError(t('notes_paste_too_many', MAX_PASTES));
    if (emit({ ...current, pasted: [...current.pasted, { kind: pasteKind, text, addedAt: now().toISOString() }] })) setPasteDraft('');
  }
  const removePaste = (i: number) => emit({ ...current, pasted: current.pasted.filter((_, j) => j !== i) });

  const hits = shown.hits.filter(listed);
  const links = shown.hits.filter((h) => h.kind === 'link').length;
  const contacts = shown.hits.filter((h) => h.kind === 'contact').length;
  const accounts = shown.hits.filter((h) => h.kind === 'bank-account').length;

  return (
    <section className="vetter-notes" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('notes_title')}</h2>
      <p className="vetter-notes-intro">{t('notes_intro')}</p>
      {error && (
        <p className="vetter-notes-error" role="alert">
          {error}
        </p>
      )}

      <fieldset className="vetter-notes-checklist">
        <legend>{t('notes_checklist')}</legend>
        {CHECKLIST_ITEMS.map((item) => {
          const a = answerOf(item);
          const label = checklistLabel(item);
          return (
            <fieldset key={item} className="vetter-notes-item" data-item={item} data-answer={a.answer} aria-describedby={`${id}-${item}-help`}>
              <legend>{label}</legend>
              <p id={`${id}-${item}-help`} className="vetter-notes-help">
                {checklistHelp(item)}
              </p>
              <div className="vetter-notes-answers">
                {ANSWERS.map((ans) => (
                  <label key={ans}>
                    <input type="radio" name={`${id}-${item}`} value={ans} checked={a.answer === ans} onChange={() => setItem(item, { answer: ans })} />
                    {answerText(ans)}
                  </label>
                ))}
              </div>
              <label className="vetter-notes-note">
                <span>{t('notes_note_on', label.toLowerCase())}</span>
                <textarea rows={2} maxLength={2000} value={a.note} onChange={(e) => setItem(item, { note: e.target.value })} />
              </label>
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset className="vetter-notes-address">
        <legend>{t('notes_address')}</legend>
        <label htmlFor={`${id}-address`}>{t('notes_address_label')}</label>
        <div className="vetter-notes-row">
          <input
            id={`${id}-address`}
            type="text"
            maxLength={2000}
            value={addressValue}
            onChange={(e) => setAddressDraft(e.target.value)}
            onKeyDown={onAddressKey}
            aria-describedby={`${id}-address-help`}
          />
          <button type="button" onClick={saveAddress} disabled={addressDraft === null}>
            {t('notes_address_save')}
          </button>
        </div>
        <p id={`${id}-address-help`} className="vetter-notes-help">
          {t('notes_address_help')}
        </p>
        {current.previousAddresses.length > 0 && (
          <>
            <h3 id={`${id}-prev`}>{t('notes_address_prev')}</h3>
            <ol aria-labelledby={`${id}-prev`} className="vetter-notes-previous">
              {current.previousAddresses.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ol>
          </>
        )}
      </fieldset>

      <fieldset className="vetter-notes-paste">
        <legend>{t('notes_paste')}</legend>
        <label htmlFor={`${id}-kind`}>{t('notes_paste_kind')}</label>
        <select id={`${id}-kind`} value={pasteKind} onChange={(e) => setPasteKind(e.target.value as PastedText['kind'])}>
          {PASTE_KINDS.map((k) => (
            <option key={k} value={k}>
              {pasteKindText(k)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-paste`}>{t('notes_paste_text')}</label>
        <textarea id={`${id}-paste`} rows={4} value={pasteDraft} onChange={(e) => setPasteDraft(e.target.value)} />
        <button type="button" onClick={addPaste}>
          {t('notes_paste_add')}
        </button>
        {current.pasted.length > 0 && (
          <ol className="vetter-notes-pastes" aria-label={t('notes_pastes')}>
            {current.pasted.map((p, i) => (
              <li key={`${i}-${p.addedAt}`}>
                <div className="vetter-notes-paste-head">
                  <span>
                    {t('notes_paste_head', [i + 1, pasteKindText(p.kind), p.addedAt.slice(0, 10)])}
                  </span>
                  <button type="button" onClick={() => removePaste(i)} aria-label={t('notes_paste_delete', i + 1)}>
                    {t('notes_delete')}
                  </button>
                </div>
                <pre>{p.text}</pre>
              </li>
            ))}
          </ol>
        )}
      </fieldset>

      <label className="vetter-notes-comment">
        <span>{t('notes_comment')}</span>
        <textarea rows={3} maxLength={20_000} value={current.comment} onChange={(e) => emit({ ...current, comment: e.target.value })} />
      </label>

      <section className="vetter-notes-found" aria-labelledby={`${id}-found`} aria-live="polite">
        <h3 id={`${id}-found`}>{t('notes_found')}</h3>
        {hits.length === 0 ? (
          <p>{shown.pastes ? t('notes_found_none') : t('notes_found_nopaste')}</p>
        ) : (
          <ul>
            {hits.map((h, i) => (
              <li key={i} data-kind={h.kind}>
                <strong>{hitLabel(h)}</strong> <span className="vetter-notes-where">{t('notes_found_where', h.paste + 1)}</span>
                <q>{h.excerpt}</q>
              </li>
            ))}
          </ul>
        )}
        {links + contacts + accounts > 0 && (
          <p className="vetter-notes-help">{t('notes_also_read', [tn('notes_links', links), tn('notes_contacts', contacts), tn('notes_accounts', accounts)])}</p>
        )}
      </section>
    </section>
  );
}
