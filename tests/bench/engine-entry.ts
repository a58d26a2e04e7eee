/** What the engine bench runs, as one module: bundled by tests/bench/engine-bundle.ts the way the extension ships it. */
export { analyze, runRules } from '../../lib/engine';
export { enrichProfile } from '../../lib/data/places';
export { RULES } from '../../lib/rules';
