import { defineConfig } from 'wxt';

// A fixed public key for the e2e build only, so the extension id is stable across machines (see tests/e2e).
const E2E_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAjqUtDSrmvyPbxJ11zm8sgAhEsxM5s/fuaVb6vDx6vIe2pNgpRKmvL9cVThJyMtRb338Kd8/oZgOYNc8cnld48YLcSYIBzkPOUbswOFKsiSHEGGvFNOqebYQeTY9NRQB4PUIVTATrgg87fMrvS15uLe8oMuc37SY/P3KL/OIgen8WbVrjeCBlBR+d3ECFXXxTr3UbWK+roS4cCZKzo9NgPzjLvSPlopA6/vkTM6QgMDRowYlyoPqnN78CZRW7vwKX8zQ5vaQxsFBrME1+FcKhSMQcdcgcxPZWiGcegvAHYRchkLw4xO5X4ZgXu8qSvwXqjWLZn3mPG1yJiZENFIIpXwIDAQAB';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  zip: { excludeSources: ['tests/**', 'test-output/**'] },
  manifest: ({ mode, browser }) => ({
    name: 'Vetter — freelancer profile red flags',
    description:
      'Checks freelancer profiles against the FBI and US government red flags for DPRK IT workers, explains every flag and what to verify. Nothing leaves your browser.',
    permissions: ['storage', 'activeTab', 'scripting'],
    action: { default_title: 'Vetter: check this profile' },
    // Reviewed list: only the marketplaces' profile-photo hosts, so the background can fetch a photo to hash it
    // (lib/photos/fetch.ts; never page content, never other hosts). Keep it tight; each host is named:
    host_permissions: [
      'https://www.upwork.com/profile-portraits/*', // Upwork profile portraits
      'https://*.f-cdn.com/*', // Freelancer.com avatars (cdn2/cdn3.f-cdn.com/ppic/…)
      'https://fiverr-res.cloudinary.com/*', // Fiverr profile photos
      'https://uploads.toptal.io/*', // Toptal talent photos
      'https://media.licdn.com/*', // LinkedIn profile photos
      'https://avatars.githubusercontent.com/*', // GitHub avatars
      'https://res.cloudinary.com/gurucom/*', // Guru profile photos
      'https://dy5jo0nsuf6ys.cloudfront.net/*', // PeoplePerHour photos (the CDN host the fixtures model; not checked against the live site)
    ],
    ...(mode === 'e2e' ? { key: E2E_KEY } : {}),
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'vetter@vetter.invalid', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  vite: () => ({ build: { sourcemap: false } }),
});

