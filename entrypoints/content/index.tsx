import './t0';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Badge } from '@/components/Badge';
import type { PanelActions } from '@/components/DetailsPanel';
import { extractProfile, SITE_MATCHES, siteExtractorFor } from '@/lib/extractors';
import { profileKey } from '@/lib/history/identity';
import type { Annotations, CheckResult } from '@/lib/messages';
import type { Profile } from '@/lib/profile/schema';
import type { Report } from '@/lib/report/schema';
import { announceStarting, guardRestartEvent } from '@/lib/security/restart-guard';
import { fromOwnExtension } from '@/lib/security/senders';
import { uiLang } from '@/lib/i18n';
import { pageScheme, type Scheme } from '@/lib/ui/scheme';
import { findNameElement, watchAnchor, type Position } from './anchor';
import { domReady } from './dom-ready';
import { showOnPage } from './highlight';
import { analyzeReply, annotationsReply, historyStatusMessage, isCheckRequest } from './replies';
// The badge's styles, bundled as a string and given to the shadow root directly: with cssInjectionMode 'ui' WXT
// fetched the stylesheet from the extension at every page load, on the way to the first badge (issue 8).
import badgeCss from './style.css?inline';

/** How long to wait for a client-rendered profile to show its name before reading what is there. */
const SETTLE_MS = 4000;
/** Quiet time after DOM changes before the profile is read again. */
const RECHECK_DEBOUNCE_MS = 400;
/** The page-load check shows "Checking…" only when the background takes longer than this (a cold service worker, the face model's first load). */
const PLACEHOLDER_AFTER_MS = 400;

/** Runs `fn` when the page's main thread is idle (e.g. between the chunks of HTML that streams in), not before the page's own work. */
const whenIdle = (fn: () => void): void => void (typeof requestIdleCallback === 'function' ? requestIdleCallback(fn) : setTimeout(fn, 0));

/** Let the page run (input, its own scripts) between our steps, so that no single task of ours runs long. */
const yieldToPage = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

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
  /** Why this check is not in the history (full, unavailable), from the background; null when it was saved. */
  historyNote: string | null;
}

export default defineContentScript({
  matches: SITE_MATCHES,
  cssInjectionMode: 'manual',
  // document_end (issue 8). document_start was built and measured (`npm run bench`, 20 tabs, load 2): it reads the
  // page inside the DOMContentLoaded dispatch, so DOMContentLoaded → badge drops (LinkedIn fixture 107 → 76 ms), but
  // the badge comes no sooner after the navigation's start (160 vs 159 ms): the same work only moves before
  // DOMContentLoaded, and the page's own first paint comes 64 ms later (168 ms, against 104 without Vetter and 108 at
  // document_end). The page's paint wins. The code works at either (domReady() resolves at once here).
  runAt: 'document_end',
  // Do not announce the start (and the extension's id) to the page with window.postMessage.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ctx.onInvalidated(guardRestartEvent(browser.runtime.id, import.meta.env.ENTRYPOINT));
    performance.mark('vetter:start'); // `npm run bench`: page-side time (see tests/bench/page.ts)
    let state: State = { report: null, error: null, annotations: null, hidden: false, position: null, scheme: 'light', photoUrl: null, historyNote: null };
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
      const res = annotationsReply(await browser.runtime.sendMessage({ ...message, key: k }));
      if (res.ok) set({ annotations: res.value });
      else set({ error: res.error });
    }
    const actions: PanelActions = {
      showOnPage: (excerpt) => showOnPage(excerpt, ui?.shadowHost),
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
            historyNote={state.historyNote}
          />
        ),
      );

    // The badge's shadow root is created (its styles loaded) while the background analyses the profile, and put in
    // the page only when there is something to show: the report, or "Checking…" when the background is slow.
    let ui: ShadowRootContentScriptUi<Root> | null = null;
    let uiPromise: Promise<ShadowRootContentScriptUi<Root>> | null = null;
    const createUi = () =>
      (uiPromise ??= createShadowRootUi(ctx, {
        css: badgeCss,
        name: 'vetter-badge',
        // Closed: page scripts cannot reach into the badge. The e2e build keeps it open so Playwright can read it.
        mode: import.meta.env.MODE === 'e2e' ? 'open' : 'closed',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        onMount(container) {
          root ??= createRoot(container); // (prepared while the HTML loaded)
          render();
          return root;
        },
        onRemove(r) {
          r?.unmount();
          root = null;
        },
      }).then((created) => (ui = created)));

    /** The message catalogue loaded and the badge prepared (its shadow root, a first render while not in the page): once. */
    let prepared = false;
    function prepare() {
      if (prepared) return;
      prepared = true;
      performance.mark('vetter:prepare'); // `npm run bench`
      uiLang();
      performance.mark('vetter:catalogue');
      // (the badge in a task of its own after the catalogue's: two short tasks rather than one long)
      setTimeout(() => {
        performance.mark('vetter:prepare-badge');
        void createUi().then((created) => {
          if (!root) {
            root = createRoot(created.uiContainer);
            render();
          }
          performance.mark('vetter:prepared');
        });
      }, 0);
    }

    /** What the profile said last time it was analysed (without the read time), to skip unchanged re-reads. */
    let lastFingerprint = '';
    /** The page-load read, whose fingerprint is taken only when the page is re-read (not in the page-load's tasks). */
    let lastRead: Profile | null = null;
    const fingerprint = (p: Profile) => JSON.stringify({ ...p, source: { ...p.source, capturedAt: '' } });
    /**
     * The page-load read runs in the DOMContentLoaded dispatch, before the page's own DOMContentLoaded handlers: what
     * they change in the page (a section filled in then) is noted from the read on, and read again when the badge is
     * shown (start()), as the re-read of later sections does.
     */
    let changedSinceRead = false;
    let earlyChanges: MutationObserver | null = null;
    const stopEarlyChanges = () => {
      earlyChanges?.disconnect();
      earlyChanges = null;
    };

    /**
     * Read the page and have the background analyse it. The profile is sent first; the badge's UI is prepared
     * meanwhile and shown with the report (`auto`: the page-load check, which the background declines when the
     * automatic check is off for this site, and then nothing is shown).
     */
    async function check(opts: { onlyIfChanged?: boolean; auto?: boolean } = {}): Promise<CheckResult> {
      let placeholder: ReturnType<typeof setTimeout> | undefined;
      try {
        performance.mark('vetter:extract');
        const profile = extractProfile(document, { url: location.href });
        performance.mark('vetter:extracted');
        // Fingerprints are taken only when a re-read compares them (not in the page-load check's tasks).
        if (lastRead) {
          lastFingerprint = fingerprint(lastRead);
          lastRead = null;
        }
        const fp = opts.onlyIfChanged ? fingerprint(profile) : null;
        if (fp !== null && fp === lastFingerprint && state.report) return { ok: true, profile, report: state.report };
        if (fp !== null) lastFingerprint = fp;
        // `unchecked`: the background checks the profile against the schema (this script does not bundle zod).
        const reply = browser.runtime.sendMessage({ type: 'vetter:analyze', profile, unchecked: true, ...(opts.auto ? { auto: true } : {}) });
        // Prepared while the background works, when the page gave no idle time before: after the page's next frame (its
        // first one, at page load), so as not to hold up its first paint.
        if (!prepared) requestAnimationFrame(() => setTimeout(prepare, 0));
        if (opts.auto && !watching) placeholder = setTimeout(() => void start(), PLACEHOLDER_AFTER_MS);
        performance.mark('vetter:sent'); // `npm run bench`: the end of the extraction task
        const raw = await reply;
        performance.mark('vetter:reply');
        if (fp === null) lastRead = profile; // its fingerprint is taken at the next re-read, if any
        const res = analyzeReply(raw);
        clearTimeout(placeholder);
        if (!res.ok && res.autoCheckOff) {
          stop();
          return { ok: false, error: res.error };
        }
        if (!res.ok) throw new Error(res.error);
        const checked = res.profile ?? profile;
        const lateNote = lateNotes.get(profileKey(res.value.source)) ?? null;
        lateNotes.clear();
        state = { ...state, report: res.value, error: null, photoUrl: checked.photo?.url ?? null, historyNote: res.historyNote ?? lateNote };
        // The first mount renders the badge with its level at once (no "Checking…" in between); later checks re-render.
        if (watching) flushSync(render);
        else await start();
        // For `npm run bench` (page-side speed): the badge shows the report's level. Carries no data.
        if (watching && root && !state.hidden) performance.mark('vetter:badge');
        await annotate({ type: 'vetter:annotations' }).catch(() => undefined);
        return { ok: true, profile: checked, report: res.value };
      } catch (e) {
        clearTimeout(placeholder);
        const error = e instanceof Error ? e.message : String(e);
        await start().catch(() => undefined);
        set({ report: null, error });
        return { ok: false, error };
      }
    }

    let watching = false;
    let stopWatching: (() => void) | null = null;
    /** Mount the badge, follow the name, re-read lazy sections and SPA navigation. */
    async function start() {
      const created = await createUi();
      if (watching) return;
      watching = true;
      // (before the badge goes into the page: its own mount is not a change of the page)
      stopEarlyChanges();
      const reread = changedSinceRead;
      changedSinceRead = false;
      // The page's light or dark background, read now that its style is computed (at DOMContentLoaded it would force
      // the page's whole style recalculation inside our task).
      state = { ...state, scheme: pageScheme() };
      performance.mark('vetter:scheme'); // `npm run bench`: the render's steps
      created.mount();
      performance.mark('vetter:mounted');
      let active = true;
      const stops: (() => void)[] = [() => (active = false)];
      // The name element is looked up again only when it left the page (SPA navigation, re-render).
      let anchor: Element | null = null;
      const getAnchor = () => (anchor?.isConnected ? anchor : (anchor = findNameElement(document, created.shadowHost)));
      // Placed beside the name in the next animation frame, before that frame is painted (the page's layout is then
      // done by the browser for painting anyway, not forced inside our task).
      stops.push(
        watchAnchor(getAnchor, (position) => {
          set({ position });
          if (!performance.getEntriesByName('vetter:placed').length) performance.mark('vetter:placed'); // `npm run bench`
        }),
      );
      const media = window.matchMedia('(prefers-color-scheme: dark)');
      const onScheme = () => set({ scheme: pageScheme() });
      media.addEventListener('change', onScheme);
      stops.push(() => media.removeEventListener('change', onScheme));
      // Sections that load later ("show more", lazy work history): re-read after the page settles, and re-analyse
      // only when what was read changed. Our own badge lives in a shadow root, so its renders do not trigger this.
      let timer: number | undefined;
      const observer = new MutationObserver(() => {
        if (timer !== undefined) clearTimeout(timer);
        timer = ctx.setTimeout(() => active && void check({ onlyIfChanged: true }), RECHECK_DEBOUNCE_MS);
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      stops.push(() => observer.disconnect());
      if (reread) {
        timer = ctx.setTimeout(() => active && void check({ onlyIfChanged: true }), RECHECK_DEBOUNCE_MS);
      }
      // Single-page navigation to another profile: read again (the same badge is reused, never a second one).
      // (WXT keeps this listener until the script is invalidated: `active` turns it off after stop().)
      ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => {
        if (!active || !siteExtractorFor(newUrl.href)) return;
        lastFingerprint = '';
        lastRead = null;
        ctx.setTimeout(() => active && void check(), RECHECK_DEBOUNCE_MS);
      });
      stopWatching = () => stops.forEach((f) => f());
      ctx.onInvalidated(() => stopWatching?.());
    }
    /** The automatic check turned out to be off for this site: take down the "Checking…" placeholder, if shown. */
    function stop() {
      stopEarlyChanges();
      if (!watching) return;
      watching = false;
      stopWatching?.();
      stopWatching = null;
      ui?.remove();
    }

    /** History notes that came ('vetter:history-status') before the reply they follow was handled, by profile key. */
    const lateNotes = new Map<string, string>();
    // A check from the toolbar, the context menu or the shortcut: show the badge again and read now.
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (!fromOwnExtension(sender, browser.runtime.id)) return undefined;
      // The page-load check's answer came before its save: what happened to the history then (full, failed…).
      const late = historyStatusMessage(message);
      if (late) {
        if (late.key === key()) set({ historyNote: late.note });
        else lateNotes.set(late.key, late.note);
        return undefined;
      }
      if (!isCheckRequest(message)) return undefined;
      return domReady().then(start).then(() => {
        set({ hidden: false });
        return check();
      });
    });

    // The script was injected into a complete DOM (not at document_start): its evaluation was one task, so read the
    // page in the next one. Otherwise read in the DOMContentLoaded dispatch (domReady).
    const injectedLate = document.readyState !== 'loading';
    // When the page's main thread is idle: load the browser's message catalogue (~10–15 ms at its first use in a page)
    // and prepare the badge, its shadow root and a first render of its "Checking…" state while it is not in the page
    // (the renderer's code is compiled then), so that the render after the background's answer is only the badge's
    // update. Not in the page's busy time (issue 8: what the extension costs the page); without idle time before the
    // read, it is done during the background's round trip (see check()).
    whenIdle(prepare);
    performance.mark('vetter:yield'); // `npm run bench`: the end of the evaluation task
    await domReady();
    performance.mark('vetter:dcl');
    // Wait until the profile header is there (client-rendered pages), then read; read anyway after SETTLE_MS.
    const ready = () => !!document.querySelector('[itemprop="name"], [data-test="freelancer-name"], h1, h2');
    if (!ready()) {
      await new Promise<void>((resolve) => {
        const obs = new MutationObserver(() => ready() && (obs.disconnect(), resolve()));
        obs.observe(document.documentElement, { childList: true, subtree: true });
        ctx.setTimeout(() => (obs.disconnect(), resolve()), SETTLE_MS);
      });
    }
    if (injectedLate) await yieldToPage();
    // (the read below is synchronous: a change from here on is one the read did not see)
    earlyChanges = new MutationObserver(() => {
      changedSinceRead = true;
      stopEarlyChanges();
    });
    earlyChanges.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    await check({ auto: true });
  },
});
