import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { countFlags, levelText } from '@/components/Badge';
import { t, uiLang } from '@/lib/i18n';
import { profileKey } from '@/lib/history/identity';
import { lastHistoryStatus } from '@/lib/history/store-status';
import type { HistoryStatus } from '@/lib/messages';
import { CheckResult } from '@/lib/messages';
import { PROFILE_FIELDS } from '@/lib/profile/schema';
import { SEVERITIES } from '@/lib/report/schema';
import { findingText } from '@/lib/ui/finding-text';
import { levelReasonText } from '@/lib/ui/level-reason';
import { historyStatusText } from '@/lib/ui/history-status';

/** The tab to check: `?tabId=` (tests open the popup as a page), else the active tab of the current window. */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const getURL = browser.runtime.getURL as (path: string) => string;
const open = (path: string) => void browser.tabs.create({ url: getURL(path) });

export function App() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CheckResult | null>(null);
  useEffect(() => {
    document.documentElement.lang = uiLang();
    document.title = t('popupTitle');
    // The tab's last check (e.g. from the context menu or the shortcut), until the user checks again.
    void targetTabId()
      .then((tabId) => (tabId === undefined ? undefined : browser.runtime.sendMessage({ type: 'vetter:check-tab', tabId, last: true })))
      .then((raw) => {
        const r = CheckResult.safeParse(raw);
        if (r.success) setResult((cur) => cur ?? r.data);
      })
      .catch(() => undefined);
  }, []);

  async function onCheck() {
    setBusy(true);
    try {
      const tabId = await targetTabId();
      if (tabId === undefined) throw new Error(t('errorNoTab'));
      setResult(CheckResult.parse(await browser.runtime.sendMessage({ type: 'vetter:check-tab', tabId })));
    } catch (e) {
      setResult({ ok: false, error: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  const report = result?.ok ? result.report : null;
  const key = result?.ok ? profileKey(result.report.source) : null;
  // What happened to the history at this profile's check (not saved: full, unavailable), from the background.
  const [history, setHistory] = useState<HistoryStatus | null>(null);
  useEffect(() => {
    void lastHistoryStatus().then(setHistory);
  }, [result]);
  const historyNote = history && key && history.key === key && history.state !== 'saved' ? history : null;
  const sorted = report ? [...report.findings].sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity)) : [];
  const n = report ? countFlags(report) : 0;
  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      <button type="button" className="primary" onClick={onCheck} disabled={busy}>
        {busy ? t('checking') : t('checkThisProfile')}
      </button>
      <div aria-live="polite" data-testid="result">
        {result && !result.ok && <p role="alert">{result.error}</p>}
        {result?.ok && report && (
          <>
            <h2>
              {result.profile.name ?? t('noNameRead')}:{' '}
              <span className={`level level-${report.level}`} data-level={report.level}>
                {levelText(report.level)}
              </span>{' '}
              — {n === 1 ? t('flagsOne') : t('flagsMany', n)}
            </h2>
            <p className="why">{t('whyLevel', levelReasonText(report))}</p>
            <p className="note">
              {t('fieldsRead', [PROFILE_FIELDS.length - new Set(report.missing).size, PROFILE_FIELDS.length])}
              {report.missing.length > 0 && ` ${t('missingFields', report.missing.join(', '))}`}
            </p>
            {sorted.length > 0 && (
              <ul aria-label={t('topFindings')}>
                {sorted.map((f, i) => (
                  <li key={i} data-rule-id={f.ruleId}>
                    <span className={`sev sev-${f.severity}`}>{t(`sev_${f.severity}`)}</span> {findingText(f, 'title')}
                  </li>
                ))}
              </ul>
            )}
            {historyNote?.message && (
              <p className="notice" role="status" data-testid="history-status" data-state={historyNote.state}>
                {historyStatusText(historyNote)}{' '}
                <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
                  {t('settings')}
                </button>
              </p>
            )}
            <p className="row">
              <button type="button" onClick={() => open(`/report.html?key=${encodeURIComponent(key!)}`)}>
                {t('fullReport')}
              </button>
              <button type="button" onClick={() => open(`/report.html?key=${encodeURIComponent(key!)}#export`)}>
                {t('exportReport')}
              </button>
            </p>
          </>
        )}
      </div>
      <nav className="row" aria-label={t('morePages')}>
        <button type="button" className="link" onClick={() => open('/profiles.html')}>
          {t('history')}
        </button>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('settings')}
        </button>
      </nav>
      <p className="note">{t('privacyLine')}</p>
    </main>
  );
}
