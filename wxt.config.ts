import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { PHOTO_HOST_PATTERNS } from './lib/face/hosts';

const require = createRequire(import.meta.url);
/** The face model (lib/face): three nets from face-api's npm package and tfjs's wasm binaries, copied at build time. */
const FACE_MODEL_DIR = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
const FACE_MODELS = ['tiny_face_detector_model', 'face_landmark_68_model', 'face_recognition_model'];
const TFJS_WASM_DIR = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
const TFJS_WASM = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];

// A fixed public key for the e2e build only, so the extension id is stable across machines (see tests/e2e).
const E2E_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAjqUtDSrmvyPbxJ11zm8sgAhEsxM5s/fuaVb6vDx6vIe2pNgpRKmvL9cVThJyMtRb338Kd8/oZgOYNc8cnld48YLcSYIBzkPOUbswOFKsiSHEGGvFNOqebYQeTY9NRQB4PUIVTATrgg87fMrvS15uLe8oMuc37SY/P3KL/OIgen8WbVrjeCBlBR+d3ECFXXxTr3UbWK+roS4cCZKzo9NgPzjLvSPlopA6/vkTM6QgMDRowYlyoPqnN78CZRW7vwKX8zQ5vaQxsFBrME1+FcKhSMQcdcgcxPZWiGcegvAHYRchkLw4xO5X4ZgXu8qSvwXqjWLZn3mPG1yJiZENFIIpXwIDAQAB';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  zip: { excludeSources: ['tests/**', 'test-output/**'] },
  manifest: ({ mode, browser }) => ({
    // Localised from public/_locales/<lang>/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // WebAssembly for the face model; nothing looser (no 'unsafe-eval').
    content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" },
    action: { default_title: '__MSG_actionTitle__' },
    // Ctrl+Shift+Y: Alt+Shift+B is silently left unassigned by Chromium (it clashes with a built-in shortcut).
    commands: { 'check-profile': { suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' }, description: '__MSG_commandCheck__' } },
    // Reviewed list (lib/face/hosts.ts, each host named there): only the marketplaces' profile-photo hosts, so the
    // background can fetch a photo to hash and analyse it; never page content, never other hosts.
    host_permissions: [...PHOTO_HOST_PATTERNS],
    ...(mode === 'e2e' ? { key: E2E_KEY } : {}),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'vetter@vetter.invalid', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  hooks: {
    // The content script runs inside every profile page: its React components render with preact/compat there (the
    // same React API, ~57 KB gzip less than react-dom; issue 8 caps the content script at 90 KB gzip). Extension
    // pages (popup, options, report, profiles) keep React.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => e.type === 'content-script')) return;
      const alias = [
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
        { find: /^react$/, replacement: 'preact/compat' },
        // The profile read in the page goes to the background unchecked; the background checks it with the schema
        // (lib/profile/check-page.ts): zod's schemas are not built in every profile page (issue 8, page speed).
        { find: /^\.\.\/profile\/check$/, replacement: fileURLToPath(new URL('./lib/profile/check-page.ts', import.meta.url)) },
      ];
      config.resolve ??= {};
      const prev = config.resolve.alias;
      const prevList = Array.isArray(prev) ? prev : prev ? Object.entries(prev).map(([find, replacement]) => ({ find, replacement: String(replacement) })) : [];
      config.resolve.alias = [...alias, ...prevList];
    },
    'build:publicAssets': (_wxt, files) => {
      for (const m of FACE_MODELS)
        for (const f of [`${m}-weights_manifest.json`, `${m}.bin`]) files.push({ absoluteSrc: join(FACE_MODEL_DIR, f), relativeDest: `models/${f}` });
      for (const f of TFJS_WASM) files.push({ absoluteSrc: join(TFJS_WASM_DIR, f), relativeDest: `tfjs/${f}` });
    },
  },
  vite: () => ({ build: { sourcemap: false, minify: process.env.VETTER_NO_MINIFY ? false : undefined } }),
});

