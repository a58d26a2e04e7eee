import { useState } from 'react';
import { browser } from 'wxt/browser';
import { CheckResult } from '@/lib/messages';

/** The tab to check: `?tabId=` (tests open the popup as a page), else the active tab of the current window. */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CheckResult | null>(null);

  async function onCheck() {
    setBusy(true);
    try {
      const tabId = await targetTabId();
      if (tabId === undefined) throw new Error('no active tab');
      const raw: unknown = await browser.tabs.sendMessage(tabId, { type: 'vetter:check' }).catch(() => {
        throw new Error('This page is not a supported profile page (Upwork freelancer profiles for now).');
      });
      setResult(CheckResult.parse(raw));
    } catch (e) {
      setResult({ ok: false, error: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main>
      <h1>Vetter</h1>
      <button type="button" onClick={onCheck} disabled={busy}>
        {busy ? 'Checking…' : 'Check this profile'}
      </button>
      <div aria-live="polite" data-testid="result">
        {result && !result.ok && <p role="alert">{result.error}</p>}
        {result?.ok && (
          <>
            <p>
              {result.profile.name ?? '(no name read)'}:{' '}
              <span className={`level level-${result.report.level}`} data-level={result.report.level}>
                {result.report.level.toUpperCase()}
              </span>{' '}
              — {result.report.findings.length} flag{result.report.findings.length === 1 ? '' : 's'}
            </p>
            <p className="note">{result.report.levelReason}</p>
            {result.report.missing.length > 0 && <p className="note">Partial read: {result.report.missing.join(', ')} not found.</p>}
            <ul>
              {result.report.findings.map((f, i) => (
                <li key={i} data-rule-id={f.ruleId}>
                  [{f.severity}] {f.title}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <p className="note">Nothing leaves your browser. A triage aid, not a verdict.</p>
    </main>
  );
}
