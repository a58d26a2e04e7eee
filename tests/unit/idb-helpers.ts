/** Raw IndexedDB access for the history-store tests and bench: writes straight into the stores, bypassing validation (what an old or corrupted write leaves). */
import type { IDBFactory } from 'fake-indexeddb';
import { DB_NAME, DB_VERSION } from '../../lib/history/store';

/** Opens the history database as the browser holds it and runs `run` in one read-write transaction over `stores`. */
export function rawWrite(f: IDBFactory, stores: string[], run: (tx: IDBTransaction) => void, version = DB_VERSION): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = f.open(DB_NAME, version);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(stores, 'readwrite');
      run(tx);
      tx.oncomplete = () => (db.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
  });
}
