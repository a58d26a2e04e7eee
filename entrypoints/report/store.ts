/**
 * The history store the report page reads and imports into. INTERIM until lib/history/store.ts lands on main: when
 * merging, replace the line below with `export { openHistory as openStore } from '@/lib/history/store';` and delete
 * lib/export/interim-store.ts and tests/unit/export-interim-store.test.ts (main.tsx accepts a store or a promise of one).
 */
export { openInterimStore as openStore } from '@/lib/export/interim-store';
