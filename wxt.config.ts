import { defineConfig } from 'wxt';

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
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    action: { default_title: '__MSG_actionTitle__' },
    // Ctrl+Shift+Y: Alt+Shift+B is silently left unassigned by Chromium (it clashes with a built-in shortcut).
    commands: { 'check-profile': { suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' }, description: '__MSG_commandCheck__' } },
    host_permissions: [],
    ...(mode === 'e2e' ? { key: E2E_KEY } : {}),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'vetter@vetter.invalid', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  vite: () => ({ build: { sourcemap: false } }),
});

