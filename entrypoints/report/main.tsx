import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { lastHistoryStatus } from '@/lib/history/store-status';
import { ReanalyzeResult } from '@/lib/messages';
import { loadSettings } from '@/lib/settings/store';
import { App } from './App';
import { openStore } from './store';
import { uiLang } from '@/lib/i18n';

document.documentElement.lang = uiLang();

createRoot(document.getElementById('root')!).render(
  <App
    openStore={async () => openStore()}
    search={location.search}
    appVersion={browser.runtime.getManifest().version}
    reanalyze={async (key) => ReanalyzeResult.parse(await browser.runtime.sendMessage({ type: 'vetter:reanalyze', key }))}
    photoDataDefault={() => loadSettings().then((s) => s.settings.exportDescriptors)}
    historyStatus={lastHistoryStatus}
  />,
);
