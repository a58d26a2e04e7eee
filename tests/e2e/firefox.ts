/**
 * Firefox with the built extension, driven over WebDriver BiDi (the W3C protocol stock Firefox speaks).
 *
 * playwright-core drives stock Firefox only through its BiDi channel, which needs commands this Firefox ESR lacks
 * (emulation.setMediaFeaturesOverride), so this file speaks the few BiDi commands the test needs itself
 * (https://w3c.github.io/webdriver-bidi/): session.new (TLS errors accepted for the test server, a manual proxy),
 * webExtension.install (a temporary add-on from the unpacked build: unsigned is allowed for those),
 * browsingContext.create/navigate and script.evaluate.
 * The fixture pages keep their real addresses: Firefox sends every request to a small CONNECT proxy here, which
 * passes each one to the fixture server's https port (lib/cli/harness.ts), as Chromium's --host-resolver-rules do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { FixtureServer } from '../../lib/cli/harness';

/** Debian's Firefox ESR (`apt-get install firefox-esr`, as .ci/run does), or FIREFOX_PATH. */
export function findFirefox(): string | null {
  for (const p of [process.env['FIREFOX_PATH'], '/usr/bin/firefox-esr', '/usr/bin/firefox']) if (p && existsSync(p)) return p;
  return null;
}

interface Pending {
  resolve(v: Record<string, unknown>): void;
  reject(e: Error): void;
  method: string;
}

export interface FirefoxSession {
  /** Sends a BiDi command and resolves with its result; a BiDi error rejects with its message. */
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Installs the unpacked extension at `dir` as a temporary add-on; resolves with its add-on id. */
  installExtension(dir: string): Promise<string>;
  /** A new tab's browsing context id. */
  newTab(): Promise<string>;
  navigate(context: string, url: string): Promise<void>;
  /** Evaluates `expression` in the page (its main world) and returns the value (JSON-able values only). */
  evaluate<T>(context: string, expression: string): Promise<T>;
  /** Evaluates until `expression` gives a value other than null/undefined/false, every 100 ms, up to `timeout` ms. */
  waitFor<T>(context: string, expression: string, timeout?: number): Promise<T>;
  close(): Promise<void>;
}

/** A BiDi remote value (script.evaluate's result) as a plain JS value. */
function plain(v: { type: string; value?: unknown }): unknown {
  switch (v.type) {
    case 'undefined':
    case 'null':
      return v.type === 'null' ? null : undefined;
    case 'string':
    case 'number':
    case 'boolean':
      return v.value;
    case 'array':
      return (v.value as { type: string; value?: unknown }[]).map(plain);
    case 'object':
      return Object.fromEntries((v.value as [string | { type: string; value?: unknown }, { type: string; value?: unknown }][]).map(([k, x]) => [typeof k === 'string' ? k : String(plain(k)), plain(x)]));
    default:
      return `[${v.type}]`;
  }
}

/** A CONNECT proxy that sends every tunnel to the fixture server's https port. */
async function startProxy(httpsPort: number): Promise<net.Server> {
  const proxy = net.createServer((client) => {
    client.on('error', () => client.destroy());
    client.once('data', (head) => {
      if (!/^CONNECT [^\s]+ HTTP\/1\.[01]\r\n/.test(head.toString('latin1'))) {
        client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
        return;
      }
      const up = net.connect(httpsPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection established\r\n\r\n');
        up.pipe(client);
        client.pipe(up);
      });
      up.on('error', () => client.destroy());
      client.on('close', () => up.destroy());
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

/** Starts headless Firefox with a fresh profile, a BiDi session and the proxy to `server`. */
export async function launchFirefox(server: FixtureServer, executable: string): Promise<FirefoxSession> {
  const proxy = await startProxy(server.httpsPort);
  const proxyAt = `127.0.0.1:${(proxy.address() as net.AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'vetter-firefox-'));
  // A quiet profile: no first-run pages, no update or telemetry traffic.
  writeFileSync(
    join(profile, 'user.js'),
    [
      ['browser.shell.checkDefaultBrowser', false],
      ['browser.startup.homepage_override.mstone', 'ignore'],
      ['datareporting.policy.dataSubmissionEnabled', false],
      ['toolkit.telemetry.reportingpolicy.firstRun', false],
      ['app.update.auto', false],
      ['extensions.update.enabled', false],
      ['network.proxy.allow_hijacking_localhost', false],
    ]
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const child: ChildProcess = spawn(executable, ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const wsUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its BiDi server in 30 s:\n${output.join('')}`)), 30_000);
    const onData = (d: Buffer) => {
      output.push(d.toString());
      const m = /WebDriver BiDi listening on (ws:\/\/[^\s]+)/.exec(output.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Firefox exited (${code}) before its BiDi server started:\n${output.join('')}`)));
  });
  const ws = new WebSocket(`${wsUrl}/session`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data)) as { id?: number; type: string; result?: Record<string, unknown>; error?: string; message?: string };
    if (msg.id === undefined) return;
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.type === 'success') p.resolve(msg.result ?? {});
    else p.reject(new Error(`${p.method}: ${msg.error}: ${msg.message}`));
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, method });
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('session.new', {
    capabilities: { alwaysMatch: { acceptInsecureCerts: true, proxy: { proxyType: 'manual', httpProxy: proxyAt, sslProxy: proxyAt } } },
  });

  const evaluate = async <T>(context: string, expression: string): Promise<T> => {
    const r = (await send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' })) as {
      type: string;
      result?: { type: string; value?: unknown };
      exceptionDetails?: { text: string };
    };
    if (r.type === 'exception') throw new Error(`script.evaluate: ${r.exceptionDetails?.text}`);
    return plain(r.result!) as T;
  };

  return {
    send,
    installExtension: async (dir) => ((await send('webExtension.install', { extensionData: { type: 'path', path: dir } })) as { extension: string }).extension,
    newTab: async () => ((await send('browsingContext.create', { type: 'tab' })) as { context: string }).context,
    navigate: async (context, url) => {
      await send('browsingContext.navigate', { context, url, wait: 'interactive' });
    },
    evaluate,
    waitFor: async <T>(context: string, expression: string, timeout = 15_000): Promise<T> => {
      const end = Date.now() + timeout;
      for (;;) {
        const v = await evaluate<T>(context, expression).catch(() => null);
        if (v !== null && v !== undefined && v !== false) return v;
        if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for: ${expression}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: async () => {
      await send('session.end').catch(() => undefined);
      ws.close();
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      await new Promise((r) => proxy.close(r));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
