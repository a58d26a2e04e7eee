/**
 * Guard against a page stopping Vetter's content script.
 *
 * WXT stops an older copy of a content script when a newer copy starts (after an extension update or a second
 * injection): the newer one dispatches a DOM CustomEvent named `<extension id>:<entrypoint>:wxt:content-script-started`
 * on `document`, and the older one invalidates itself when it sees one with a different id. A page that knows the
 * extension's id (public for store extensions) can dispatch the same event and remove the badge (measured in
 * tests/e2e/hostile.e2e.test.ts). This guard lets the event through only while a real copy of this script is
 * starting: the flag lives in the content script's isolated world (`globalThis` there is shared by this extension's
 * content scripts in the frame and invisible to the page), is raised when the script's module is evaluated, before
 * WXT's context announces itself, and lowered in `main()`, after it has; the whole span is synchronous, so no page
 * script can run inside it.
 */
const FLAG = '__vetterScriptStarting';
type Global = typeof globalThis & { [FLAG]?: boolean };

/** Call at the top level of the content script module (before WXT creates the context). */
export function announceStarting(): void {
  (globalThis as Global)[FLAG] = true;
}

/**
 * Call first thing in `main()`: lowers the flag and, from now on, stops forged "script started" events before WXT's
 * listener on `document` sees them (a capturing listener on `window` runs first for events dispatched on document).
 */
export function guardRestartEvent(runtimeId: string, entrypoint: string): () => void {
  (globalThis as Global)[FLAG] = false;
  const name = `${runtimeId}:${entrypoint}:wxt:content-script-started`;
  const onEvent = (e: Event) => {
    if ((globalThis as Global)[FLAG]) return; // a newer copy of this script is starting: let WXT stop this one
    e.stopImmediatePropagation();
  };
  window.addEventListener(name, onEvent, true);
  return () => window.removeEventListener(name, onEvent, true);
}
