import { createRoot } from 'react-dom/client';
import { openHistory } from '@/lib/history/store';
import { App } from './App';

async function load() {
  const store = await openHistory();
  try {
    return { entries: await store.list(), setAside: await store.setAside() };
  } finally {
    store.close();
  }
}

createRoot(document.getElementById('root')!).render(<App load={load} />);
