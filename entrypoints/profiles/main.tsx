import { createRoot } from 'react-dom/client';
import { openHistory } from '@/lib/history/store';
import { lastHistoryStatus } from '@/lib/history/store-status';
import { App } from './App';
import { t, uiLang } from '@/lib/i18n';

document.documentElement.lang = uiLang();
document.title = `Vetter: ${t('hist_title')}`;

async function load() {
  const store = await openHistory();
  try {
    return { entries: await store.list(), setAside: await store.setAside(), status: await lastHistoryStatus() };
  } finally {
    store.close();
  }
}

createRoot(document.getElementById('root')!).render(<App load={load} />);
