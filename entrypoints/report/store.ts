/** The history store the report page reads and imports into (IndexedDB, shared with the background). */
export { openHistory as openStore } from '@/lib/history/store';
