/**
 * Regenerates lib/data/cities.json from the installed `city-timezones` package (MIT; its data comes from Natural
 * Earth's populated places, public domain): `npx tsx lib/data/build-cities.ts`. Each city becomes
 * `[name, iso2, population, US state code or ""]`, sorted by name then by population (largest first); the package's
 * ASCII spelling is added as a second row when it differs. A unit test fails when the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type CityRow = [name: string, iso2: string, population: number, state: string];

interface SourceRow {
  city: string;
  city_ascii: string;
  iso2: string;
  pop: number;
  state_ansi?: string | null;
}

// A string path: under happy-dom (unit tests) the global URL is not Node's.
export const CITIES_PATH = resolve(dirname(fileURLToPath(import.meta.url)), 'cities.json');

export function buildCityRows(): CityRow[] {
  const require = createRequire(import.meta.url);
  const src = JSON.parse(readFileSync(require.resolve('city-timezones/data/cityMap.json'), 'utf8')) as SourceRow[];
  const rows: CityRow[] = [];
  const seen = new Set<string>();
  for (const r of src) {
    if (!/^[A-Z]{2}$/.test(r.iso2 ?? '') || !r.city) continue;
    const pop = Math.round(Number(r.pop) || 0);
    const state = r.iso2 === 'US' && r.state_ansi ? r.state_ansi : '';
    for (const name of new Set([r.city, r.city_ascii].filter(Boolean))) {
      const key = `${name}|${r.iso2}|${pop}|${state}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push([name, r.iso2, pop, state]);
    }
  }
  return rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : b[2] - a[2] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
}

export function renderCities(): string {
  return `[\n${buildCityRows().map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(CITIES_PATH, renderCities());
  console.log(`wrote ${CITIES_PATH}`);
}
