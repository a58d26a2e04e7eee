import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Badge } from '@/components/Badge';
import { extractProfile, SITE_MATCHES, siteExtractorFor } from '@/lib/extractors';
import { AnalyzeResult, CheckRequest, type CheckResult } from '@/lib/messages';
import type { Report } from '@/lib/report/schema';
import './style.css';

/** How long to wait for a client-rendered profile to show its name before reading what is there. */
const SETTLE_MS = 4000;

export default defineContentScript({
  matches: SITE_MATCHES,
  cssInjectionMode: 'ui',
  runAt: 'document_idle',
  async main(ctx) {
    let state: { report: Report | null; error: string | null } = { report: null, error: null };
    let root: Root | null = null;
    const render = () => root?.render(<Badge report={state.report} error={state.error} busy={!state.report} />);

    const ui = await createShadowRootUi(ctx, {
      name: 'vetter-badge',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        root = createRoot(container);
        render();
        return root;
      },
      onRemove(r) {
        r?.unmount();
        root = null;
      },
    });

    async function check(): Promise<CheckResult> {
      try {
        const profile = extractProfile(document, { url: location.href });
        const raw: unknown = await browser.runtime.sendMessage({ type: 'vetter:analyze', profile });
        const res = AnalyzeResult.parse(raw);
        if (!res.ok) throw new Error(res.error);
        state = { report: res.report, error: null };
        render();
        document.documentElement.dataset.vetterLevel = res.report.level;
        return { ok: true, profile, report: res.report };
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        state = { report: null, error };
        render();
        return { ok: false, error };
      }
    }

    browser.runtime.onMessage.addListener((message: unknown) => {
      if (!CheckRequest.safeParse(message).success) return undefined;
      return check();
    });

    // Wait until the profile header is there (client-rendered pages), then read; read anyway after SETTLE_MS.
    const ready = () => !!document.querySelector('[itemprop="name"], [data-test="freelancer-name"], h1, h2');
    if (!ready()) {
      await new Promise<void>((resolve) => {
        const obs = new MutationObserver(() => ready() && (obs.disconnect(), resolve()));
        obs.observe(document.documentElement, { childList: true, subtree: true });
        ctx.setTimeout(() => (obs.disconnect(), resolve()), SETTLE_MS);
      });
    }
    ui.mount();
    await check();

    // Single-page navigation to another profile: read again.
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
      if (!siteExtractorFor(newUrl.href)) return;
      state = { report: null, error: null };
      render();
      ctx.setTimeout(() => void check(), 500);
    });
  },
});
