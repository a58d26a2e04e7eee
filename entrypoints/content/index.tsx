import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Badge } from '@/components/Badge';
import type { PanelActions } from '@/components/DetailsPanel';
import { extractProfile, SITE_MATCHES, siteExtractorFor } from '@/lib/extractors';
import { profileKey } from '@/lib/history/identity';
import { AnalyzeResult, AnnotationsResult, CheckRequest, type Annotations, type CheckResult } from '@/lib/messages';
import type { Profile } from '@/lib/profile/schema';
import type { Report } from '@/lib/report/schema';
import { announceStarting, guardRestartEvent } from '@/lib/security/restart-guard';
import { autoCheckOn } from '@/lib/settings/schema';
import { loadSettings } from '@/lib/settings/store';
import { pageScheme, type Scheme } from '@/lib/ui/scheme';
import { findNameElement, watchAnchor, type Position } from './anchor';
import { showOnPage } from './highlight';
import './style.css';

/** How long to wait for a client-rendered profile to show its name before reading what is there. */
const SETTLE_MS = 4000;
/** Quiet time after DOM changes before the profile is read again. */
const RECHECK_DEBOUNCE_MS = 400;

// A page must not be able to stop this script by faking WXT's "newer copy started" event (lib/security/restart-guard.ts).
announceStarting();
interface State {
  report: Report | null;
  error: string | null;
  annotations: Annotations | null;
  hidden: boolean;
  position: Position;
  scheme: Scheme;
  /** The photo URL, drawn under the eye overlay of the StyleGAN-framing finding. */
  photoUrl: string | null;
}

export default defineContentScript({
  matches: SITE_MATCHES,
  cssInjectionMode: 'ui',
  runAt: 'document_end',
  // Do not announce the start (and the extension's id) to the page with window.postMessage.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ctx.onInvalidated(guardRestartEvent(browser.runtime.id, import.meta.env.ENTRYPOINT));
    performance.mark('vetter:start'); // `npm run bench`: page-side time (see tests/bench/page.ts)
    let state: State = { report: null, error: null, annotations: null, hidden: false, position: null, scheme: pageScheme(), photoUrl: null };
    let root: Root | null = null;
    const set = (patch: Partial<State>) => {
      state = { ...state, ...patch };
      render();
    };
    const key = () => (state.report ? profileKey(state.report.source) : null);

    /** Sends an annotation message for this profile and shows the stored result. */
    async function annotate(message: Record<string, unknown>) {
      const k = key();
      if (!k) return;
      const res = AnnotationsResult.parse(await browser.runtime.sendMessage({ ...message, key: k }));
      if (res.ok) set({ annotations: res.annotations });
      else set({ error: res.error });
    }
    const actions: PanelActions = {
      showOnPage: (excerpt) => showOnPage(excerpt, ui.shadowHost),
      dismiss: (f, note) => annotate({ type: 'vetter:dismiss', dismissal: { ruleId: f.ruleId, title: f.title, note, at: new Date().toISOString() } }),
      undismiss: (f) => annotate({ type: 'vetter:undismiss', ruleId: f.ruleId, title: f.title }),
      verify: (note) => annotate({ type: 'vetter:verify', verified: note === null ? null : { note, at: new Date().toISOString() } }),
      openReport: () => void browser.runtime.sendMessage({ type: 'vetter:open', page: 'report', key: key() ?? undefined }),
      openHistory: () => void browser.runtime.sendMessage({ type: 'vetter:open', page: 'history' }),
    };
    const render = () =>
      root?.render(
        state.hidden ? null : (
          <Badge
            report={state.report}
            error={state.error}
            busy={!state.report}
            annotations={state.annotations}
            scheme={state.scheme}
            position={state.position}
            actions={actions}
            onHide={() => set({ hidden: true })}
            photoUrl={state.photoUrl}
          />
        ),
      );

    const ui = await createShadowRootUi(ctx, {
      name: 'vetter-badge',
      // Closed: page scripts cannot reach into the badge. The e2e build keeps it open so Playwright can read it.
      mode: import.meta.env.MODE === 'e2e' ? 'open' : 'closed',
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

    /** What the profile said last time it was analysed (without the read time), to skip unchanged re-reads. */
    let lastFingerprint = '';
    const fingerprint = (p: Profile) => JSON.stringify({ ...p, source: { ...p.source, capturedAt: '' } });

    async function check(opts: { onlyIfChanged?: boolean } = {}): Promise<CheckResult> {
      try {
        performance.mark('vetter:extract');
        const profile = extractProfile(document, { url: location.href });
        performance.mark('vetter:extracted');
        const fp = fingerprint(profile);
        if (opts.onlyIfChanged && fp === lastFingerprint && state.report) return { ok: true, profile, report: state.report };
        lastFingerprint = fp;
        const raw: unknown = await browser.runtime.sendMessage({ type: 'vetter:analyze', profile });
        performance.mark('vetter:reply');
        const res = AnalyzeResult.parse(raw);
        if (!res.ok) throw new Error(res.error);
        state = { ...state, report: res.report, error: null, photoUrl: profile.photo?.url ?? null };
        flushSync(render);
        // For `npm run bench` (page-side speed): the badge shows a report. Carries no data.
        performance.mark('vetter:badge');
        await annotate({ type: 'vetter:annotations' }).catch(() => undefined);
        return { ok: true, profile, report: res.report };
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        set({ report: null, error });
        return { ok: false, error };
      }
    }

    let watching = false;
    /** Mount the badge, follow the name, re-read lazy sections and SPA navigation. */
    function start() {
      if (watching) return;
      watching = true;
      ui.mount();
      // The name element is looked up again only when it left the page (SPA navigation, re-render).
      let anchor: Element | null = null;
      const getAnchor = () => (anchor?.isConnected ? anchor : (anchor = findNameElement(document, ui.shadowHost)));
      ctx.onInvalidated(watchAnchor(getAnchor, (position) => set({ position })));
      const media = window.matchMedia('(prefers-color-scheme: dark)');
      const onScheme = () => set({ scheme: pageScheme() });
      media.addEventListener('change', onScheme);
      ctx.onInvalidated(() => media.removeEventListener('change', onScheme));
      // Sections that load later ("show more", lazy work history): re-read after the page settles, and re-analyse
      // only when what was read changed. Our own badge lives in a shadow root, so its renders do not trigger this.
      let timer: number | undefined;
      const observer = new MutationObserver(() => {
        if (timer !== undefined) clearTimeout(timer);
        timer = ctx.setTimeout(() => void check({ onlyIfChanged: true }), RECHECK_DEBOUNCE_MS);
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      ctx.onInvalidated(() => observer.disconnect());
      // Single-page navigation to another profile: read again (the same badge is reused, never a second one).
      ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
        if (!siteExtractorFor(newUrl.href)) return;
        lastFingerprint = '';
        ctx.setTimeout(() => void check(), RECHECK_DEBOUNCE_MS);
      });
    }

    // A check from the toolbar, the context menu or the shortcut: show the badge again and read now.
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id || !CheckRequest.safeParse(message).success) return undefined;
      start();
      set({ hidden: false });
      return check();
    });

    const platform = siteExtractorFor(location.href)?.id ?? 'generic';
    const auto = await loadSettings().then(
      (s) => autoCheckOn(s.settings, platform),
      () => true,
    );
    if (!auto) return;

    // Wait until the profile header is there (client-rendered pages), then read; read anyway after SETTLE_MS.
    const ready = () => !!document.querySelector('[itemprop="name"], [data-test="freelancer-name"], h1, h2');
    if (!ready()) {
      await new Promise<void>((resolve) => {
        const obs = new MutationObserver(() => ready() && (obs.disconnect(), resolve()));
        obs.observe(document.documentElement, { childList: true, subtree: true });
        ctx.setTimeout(() => (obs.disconnect(), resolve()), SETTLE_MS);
      });
    }
    start();
    await check();
  },
});
