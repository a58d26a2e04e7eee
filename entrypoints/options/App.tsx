import { useEffect, useId, useState } from 'react';
import { ruleDescKey, ruleTitleKey, t, tOr, uiLang } from '@/lib/i18n';
import { SEVERITIES, type Severity } from '@/lib/report/schema';
import { RULES } from '@/lib/rules';
import { SOURCES } from '@/lib/rules/sources';
import { SITE_EXTRACTORS } from '@/lib/extractors';
import { autoCheckOn, defaultSettings, type Settings } from '@/lib/settings/schema';
import { clearAllData, parseSettingsFile, settingsFile } from '@/lib/settings/io';
import { dismissSettingsNotice, keptAsideSettings, loadSettings, saveSettings, type KeptSettings } from '@/lib/settings/store';

function download(name: string, text: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  /** Damaged settings values kept aside (every one ever met, oldest first); the banner lists those not yet dismissed. */
  const [kept, setKept] = useState<KeptSettings[]>([]);
  const daysId = useId();
  const fileId = useId();

  useEffect(() => {
    document.documentElement.lang = uiLang();
    document.title = t('optionsTitle');
    // Never a blank page: a failed read still shows the defaults, with the reason.
    loadSettings()
      .then(
        ({ settings, notice, keptAside }) => {
          setSettings(settings);
          // The banner below shows what was kept aside; this covers the case where it could not be.
          if (notice && keptAside === false) setProblem(notice);
        },
        (e: unknown) => {
          setSettings(defaultSettings());
          setProblem(t('saveFailed', e instanceof Error ? e.message : String(e)));
        },
      )
      .then(() => keptAsideSettings())
      .then(setKept, () => undefined);
  }, []);

  async function update(next: Settings) {
    setSettings(next);
    try {
      await saveSettings(next);
      setStatus(t('saved'));
      setProblem(null);
    } catch (e) {
      setProblem(t('saveFailed', e instanceof Error ? e.message : String(e)));
    }
  }

  if (!settings) return <main aria-busy="true">{problem && <p role="alert">{problem}</p>}</main>;
  const rule = (id: string) => settings.rules[id] ?? { enabled: true, severity: null };
  const setRule = (id: string, patch: Partial<Settings['rules'][string]>) =>
    void update({ ...settings, rules: { ...settings.rules, [id]: { ...rule(id), ...patch } } });

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p className="status" role="status" data-testid="status">
        {status}
      </p>
      {problem && <p role="alert">{problem}</p>}
      {kept.some((k) => !k.seen) && (
        <div role="alert" className="notice" data-testid="settings-kept-aside">
          <p>
            <strong>{t('settingsKeptAsideNotice')}</strong>
          </p>
          <ul>
            {kept
              .filter((k) => !k.seen)
              .map((k, i) => (
                <li key={i}>{t('settingsKeptAsideItem', [k.at.slice(0, 19).replace('T', ' ') || '?', k.reason, k.reset.length ? k.reset.join(', ') : t('settingsKeptAsideNone')])}</li>
              ))}
          </ul>
          <div className="row">
            <button type="button" onClick={() => download('vetter-settings-kept-aside.json', JSON.stringify({ kind: 'vetter-settings-kept-aside', exportedAt: new Date().toISOString(), items: kept }, null, 2))}>
              {t('downloadKeptSettings')}
            </button>
            <button
              type="button"
              onClick={() =>
                void dismissSettingsNotice().then(
                  () => setKept((ks) => ks.map((k) => ({ ...k, seen: true }))),
                  (e: unknown) => setProblem(t('saveFailed', e instanceof Error ? e.message : String(e))),
                )
              }
            >
              {t('hideNotice')}
            </button>
          </div>
        </div>
      )}

      <section aria-labelledby="auto-h">
        <h2 id="auto-h">{t('autoCheckHeading')}</h2>
        <fieldset>
          <legend>{t('autoCheckLegend')}</legend>
          <div className="sites">
            {SITE_EXTRACTORS.map((ex) => (
              <label key={ex.id}>
                <input
                  type="checkbox"
                  name={`auto-${ex.id}`}
                  checked={autoCheckOn(settings, ex.id)}
                  onChange={(e) => void update({ ...settings, autoCheck: { ...settings.autoCheck, [ex.id]: e.target.checked } })}
                />{' '}
                {ex.label}
              </label>
            ))}
          </div>
        </fieldset>
        <p className="note">{t('autoCheckOther')}</p>
      </section>

      <section aria-labelledby="rules-h">
        <h2 id="rules-h">{t('rulesHeading')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('ruleColumn')}</th>
              <th scope="col">{t('severityColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {RULES.map(({ meta }) => ({ meta, title: tOr(ruleTitleKey(meta.id), meta.title) })).map(({ meta, title }) => (
              <tr key={meta.id} data-rule-id={meta.id}>
                <td>
                  <label>
                    <input type="checkbox" name={`rule-${meta.id}`} checked={rule(meta.id).enabled} onChange={(e) => setRule(meta.id, { enabled: e.target.checked })} />{' '}
                    <strong>{title}</strong>
                  </label>
                  <p>{tOr(ruleDescKey(meta.id), meta.description)}</p>
                </td>
                <td>
                  <select
                    name={`severity-${meta.id}`}
                    aria-label={t('severityFor', title)}
                    value={rule(meta.id).severity ?? ''}
                    disabled={!rule(meta.id).enabled}
                    onChange={(e) => setRule(meta.id, { severity: (e.target.value || null) as Severity | null })}
                  >
                    <option value="">{t('severityDefault', t(`sev_${meta.severity}`))}</option>
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {t(`sev_${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="data-h">
        <h2 id="data-h">{t('dataHeading')}</h2>
        <div className="row">
          <label htmlFor={daysId}>{t('historyDays')}</label>
          <input
            id={daysId}
            name="historyDays"
            type="number"
            min={0}
            max={3650}
            value={settings.historyDays}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (Number.isInteger(v) && v >= 0 && v <= 3650) void update({ ...settings, historyDays: v });
              else setProblem(t('historyDaysInvalid'));
            }}
          />
        </div>
        <p className="note">{t('historyDaysNote')}</p>
        <div className="row">
          <label>
            <input type="checkbox" name="pruneWhenFull" checked={settings.pruneWhenFull} onChange={(e) => void update({ ...settings, pruneWhenFull: e.target.checked })} /> {t('pruneWhenFull')}
          </label>
        </div>
        <p className="note">{t('pruneWhenFullNote')}</p>
        <div className="row">
          {!confirming ? (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('clearAll')}
            </button>
          ) : (
            <>
              <span role="alert">{t('clearAllConfirmText')}</span>
              <button
                type="button"
                className="danger confirm"
                onClick={async () => {
                  setConfirming(false);
                  try {
                    await clearAllData();
                    setSettings(defaultSettings());
                    setKept([]);
                    setStatus(t('cleared'));
                  } catch (e) {
                    setProblem(t('clearFailed', e instanceof Error ? e.message : String(e)));
                  }
                }}
              >
                {t('clearAllConfirm')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('cancel')}
              </button>
            </>
          )}
        </div>
      </section>

      <section aria-labelledby="io-h">
        <h2 id="io-h">{t('ioHeading')}</h2>
        <div className="row">
          <button type="button" onClick={() => download('vetter-settings.json', settingsFile(settings))}>
            {t('exportSettings')}
          </button>
          <label htmlFor={fileId}>{t('importSettings')}</label>
          <input
            id={fileId}
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              const res = parseSettingsFile(await file.text());
              if (!res.ok) return setProblem(t('importRefused', res.reason));
              await update(res.settings);
              setStatus(t('imported'));
            }}
          />
        </div>
      </section>

      <section aria-labelledby="about-h">
        <h2 id="about-h">{t('aboutHeading')}</h2>
        <p>{t('aboutPrivacy')}</p>
        <p>{t('aboutTriage')}</p>
        <ul>
          {Object.entries(SOURCES).map(([id, s]) => (
            <li key={id}>
              <a href={s.url} target="_blank" rel="noreferrer noopener">
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
