#!/usr/bin/env node
// How council-cookie-consent's costs grow, measured in Chromium on the built library (dist/):
//
//   node bench/scaling.mjs [--visits 10] [--cpu 1] [--json]
//
// - catalogues of 10, 100 and 1,000 cookies: validation time (validateCatalog from dist/index.js,
//   loaded through an import map), table render time (a <cookie-table> of every category, from the
//   script-tag build with the catalogue inline: the page carries a hidden <cookie-table>, as a
//   policy page does, so the core fetches the part that defines it), and when `ready` resolves on
//   such a page;
// - pages with 10, 100 and 1,000 blocked scripts: release time, from acceptAll() to the last one running;
// - deletion sweeps: rejectAll() over a cookie jar with the catalogue's globs (_ga_*, __utm*, ...).
//   Chromium keeps at most 180 cookies per site, so real jars go up to 150 cookies; jars of 200,
//   1,000 and 2,000 run against an in-page stand-in for document.cookie (the library's own work, not
//   the browser's cookie store).
// Each size gets a fresh profile per visit; the figure is the median over visits of each visit's
// median over repetitions. Growth is judged by the slope of log(time) against log(size) over
// each series' sizes (least squares): 1 is linear; above 1.2 is reported as worse than linear.
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from './lib/browser.mjs';
import { ROOT, startServer } from './lib/server.mjs';
import { summarise, table } from './lib/stats.mjs';

const { values: options } = parseArgs({
  options: {
    visits: { type: 'string', default: '10' },
    cpu: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    from: { type: 'string' },
  },
});
if (options.from) {
  console.log(renderReport(JSON.parse(readFileSync(options.from, 'utf8'))));
  process.exit(0);
}
const VISITS = Number(options.visits);
const RATE = Number(options.cpu);
const REPEATS = 7;
const TIMEOUT_MS = 60000;
const progress = (message) => process.stderr.write(`${message}\n`);

const PARTS = ['iife', 'banner', 'details', 'cy'].map((part) => `dist/council-cookie-consent.${part}.js`);
if ([...PARTS, 'dist/index.js'].some((file) => !existsSync(join(ROOT, file)))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(2);
}

// ---- catalogues -------------------------------------------------------------------------------
const BASE = JSON.parse(readFileSync(join(ROOT, 'cookie-catalogs/tunbridge-wells.json'), 'utf8'));
delete BASE.$schema;
const EXPIRES = ['P2Y', 'PT24H', 'PT1M', 'P1000D', 'session', 'P90D', 'P1Y1M4D'];

/** The Tunbridge Wells catalogue with `count` analytics cookies (every tenth a glob), in English and Welsh. */
function catalogWith(count) {
  const catalog = structuredClone(BASE);
  const analytics = catalog.categories.find((category) => category.id === 'analytics');
  analytics.cookies = Array.from({ length: count }, (_, i) => ({
    name: i % 10 === 9 ? `svc${i}_*` : `cookie_${i}`,
    ...(i % 10 === 9 ? { label: `svc${i}_a, svc${i}_b` } : {}),
    purpose: {
      en: `Cookie ${i} helps us count how many people visit our website by telling us if you’ve visited before.`,
      cy: `Mae cwci ${i} yn ein helpu i gyfrif faint o bobl sy'n ymweld â'n gwefan.`,
    },
    expires: EXPIRES[i % EXPIRES.length],
    provider: `Provider ${i % 7}`,
  }));
  return catalog;
}

/** The sweep's catalogue: the analytics cookies as a council would list them, globs included. */
function sweepCatalog() {
  const catalog = structuredClone(BASE);
  const analytics = catalog.categories.find((category) => category.id === 'analytics');
  const extra = ['_ga_*', '__utm*', '_hj*', '_gcl_*', '_fbp', 'mp_*', '_clck', '_clsk', 'ajs_*', '_pk_*'];
  analytics.cookies.push(...extra.map((name) => ({ name, purpose: 'Analytics', expires: 'P1Y' })));
  return catalog;
}
/** Jar cookie i: every other one is covered by a glob above, the rest are the site's own. */
const SWEEP_NAMES = ['_ga_X', '__utmz', '_hjSession_', '_gcl_au', 'mp_', '_pk_id.'];
const _jarName = (i) => (i % 2 ? `site_pref_${i}` : `${SWEEP_NAMES[(i / 2) % SWEEP_NAMES.length]}${i}`);

const inline = (catalog) =>
  `<script type="application/json" id="cookie-catalog">${JSON.stringify(catalog).replace(/</g, '\\u003c')}</script>`;
const page = (head, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>scaling</title>${head}</head><body><main id="main"><h1>Scaling</h1></main>${body}</body></html>`;
const iife = '<script src="/dist/council-cookie-consent.iife.js" data-catalog="#cookie-catalog" defer></script>';

/** An in-page document.cookie with the attributes the library writes (expires, max-age), for jars Chromium would not keep. */
const COOKIE_STAND_IN = `<script>(() => {
  const jar = new Map();
  Object.defineProperty(document, 'cookie', { configurable: true,
    get() { let text = ''; for (const [name, value] of jar) text += (text ? '; ' : '') + name + '=' + value; return text; },
    set(text) {
      const parts = String(text).split(';');
      const at = parts[0].indexOf('=');
      const name = parts[0].slice(0, at).trim();
      let expired = false;
      for (const part of parts.slice(1)) {
        const [key, value = ''] = part.split('=');
        const attribute = key.trim().toLowerCase();
        if ((attribute === 'expires' && Date.parse(value) <= Date.now()) || (attribute === 'max-age' && Number(value) <= 0)) expired = true;
      }
      if (expired) jar.delete(name); else jar.set(name, parts[0].slice(at + 1).trim());
    } });
})();</script>`;

const IMPORT_MAP = `<script type="importmap">${JSON.stringify({
  imports: {
    lit: '/node_modules/lit/index.js',
    'lit/': '/node_modules/lit/',
    'lit-html': '/node_modules/lit-html/lit-html.js',
    'lit-html/': '/node_modules/lit-html/',
    'lit-element/': '/node_modules/lit-element/',
    '@lit/reactive-element': '/node_modules/@lit/reactive-element/reactive-element.js',
    '@lit/reactive-element/': '/node_modules/@lit/reactive-element/',
    'js-cookie': '/node_modules/js-cookie/dist/js.cookie.mjs',
  },
})}</script>`;

const SIZES = [10, 100, 1000];
const REAL_JARS = [0, 50, 100, 150];
const SIMULATED_JARS = [0, 200, 1000, 2000];
const routes = {
  '/scaling/validate.html': page(
    `${IMPORT_MAP}<script type="module">import { validateCatalog } from '/dist/index.js'; window.validateCatalog = validateCatalog;</script>`,
  ),
};
for (const size of SIZES) {
  routes[`/scaling/catalog-${size}.html`] = page(
    inline(catalogWith(size)) + iife,
    '<cookie-table category="essential" hidden></cookie-table>',
  );
  const blocked = Array.from(
    { length: size },
    () =>
      `<script type="text/plain" data-cookie-category="analytics">window.released = (window.released || 0) + 1; if (window.released === ${size}) window.releasedAt = performance.now();</script>`,
  ).join('\n');
  routes[`/scaling/blocked-${size}.html`] = page(inline(BASE) + iife, blocked);
}
routes['/scaling/sweep-real.html'] = page(inline(sweepCatalog()) + iife);
routes['/scaling/sweep-simulated.html'] = page(COOKIE_STAND_IN + inline(sweepCatalog()) + iife);

// ---- measuring --------------------------------------------------------------------------------
// The build is read once: a rebuild while this runs cannot mix two builds (the core and the
// parts it fetches, which it checks against the hashes it was built with when asked to).
for (const file of PARTS) routes[`/${file}`] = readFileSync(join(ROOT, file));
routes['/dist/index.js'] = readFileSync(join(ROOT, 'dist/index.js'));
const server = await startServer(routes);
const { browser, origin } = await launch(server.port);
const startedAt = Date.now();
const loadAtStart = loadavg()[0];

async function onFreshPage(path, measure) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    if (RATE > 1) await (await context.newCDPSession(tab)).send('Emulation.setCPUThrottlingRate', { rate: RATE });
    tab.setDefaultTimeout(TIMEOUT_MS);
    await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
    return await measure(tab);
  } finally {
    await context.close();
  }
}

const median = (values) => summarise(values).median;
const series = {};
const record = (name, size, values, extra = {}) => {
  (series[name] ??= { points: [], perItem: !name.startsWith('`ready`') }).points.push({ size, ...summarise(values), ...extra });
};

try {
  progress(`Chromium ${browser.version()}, ${cpus().length} CPUs, CPU ${RATE}×, ${VISITS} visits per size`);

  for (const size of SIZES) {
    progress(`catalogue of ${size} cookies`);
    const json = JSON.stringify(catalogWith(size));
    const cold = [];
    const warm = [];
    for (let visit = 0; visit < VISITS; visit++) {
      const [first, ...rest] = await onFreshPage('/scaling/validate.html', async (tab) => {
        await tab.waitForFunction(() => window.validateCatalog);
        return tab.evaluate(
          ({ json, repeats }) => {
            const value = JSON.parse(json);
            const check = (result) => {
              if (result.problems) throw new Error(`the generated catalogue is invalid: ${JSON.stringify(result.problems.slice(0, 3))}`);
            };
            let start = performance.now();
            check(window.validateCatalog(value));
            const times = [performance.now() - start];
            // Warm calls are timed in batches of at least 20 ms: performance.now() moves in 0.1 ms steps.
            for (let i = 0; i < repeats; i++) {
              let calls = 0;
              start = performance.now();
              do {
                check(window.validateCatalog(value));
                calls++;
              } while (performance.now() - start < 20);
              times.push((performance.now() - start) / calls);
            }
            return times;
          },
          { json, repeats: REPEATS },
        );
      });
      cold.push(first);
      warm.push(median(rest));
    }
    record('validation, first call (ms)', size, cold);
    record('validation, warm (ms)', size, warm);

    const readyAt = [];
    const renderCold = [];
    const renderWarm = [];
    for (let visit = 0; visit < VISITS; visit++) {
      const result = await onFreshPage(`/scaling/catalog-${size}.html`, (tab) =>
        tab.evaluate(async (repeats) => {
          await window.CookieConsent.ready;
          const readyAt = performance.now();
          await customElements.whenDefined('cookie-table');
          await new Promise((resolve) => setTimeout(resolve, 100)); // let the banner's own render finish
          const times = [];
          for (let i = 0; i <= repeats; i++) {
            const start = performance.now();
            const element = document.createElement('cookie-table');
            document.getElementById('main').append(element);
            await element.updateComplete;
            const rows = element.shadowRoot?.querySelectorAll('tr').length ?? element.querySelectorAll('tr').length;
            element.getBoundingClientRect(); // style and layout included
            times.push(performance.now() - start);
            if (!rows) throw new Error('<cookie-table> rendered no rows');
            element.remove();
          }
          return { readyAt, times };
        }, REPEATS),
      );
      readyAt.push(result.readyAt);
      renderCold.push(result.times[0]);
      renderWarm.push(median(result.times.slice(1)));
    }
    record('table render, first (ms)', size, renderCold);
    record('table render, warm (ms)', size, renderWarm);
    record('`ready` after navigation, inline catalogue, a page with a table (ms)', size, readyAt);
  }

  for (const size of SIZES) {
    progress(`${size} blocked scripts`);
    const release = [];
    const readyAt = [];
    for (let visit = 0; visit < VISITS; visit++) {
      const result = await onFreshPage(`/scaling/blocked-${size}.html`, (tab) =>
        tab.evaluate(async (size) => {
          await window.CookieConsent.ready;
          const readyAt = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 100));
          if (window.released) throw new Error('a blocked script ran before consent');
          const start = performance.now();
          window.CookieConsent.acceptAll();
          const deadline = performance.now() + 30000;
          while (window.released !== size && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 0));
          if (window.released !== size) throw new Error(`${window.released ?? 0} of ${size} blocked scripts ran`);
          return { readyAt, release: window.releasedAt - start };
        }, size),
      );
      release.push(result.release);
      readyAt.push(result.readyAt);
    }
    record('release after acceptAll() (ms)', size, release);
    record('`ready` after navigation, with that many blocked scripts (ms)', size, readyAt);
  }

  for (const [kind, sizes, direct] of [
    ['real', REAL_JARS, false],
    ['real', REAL_JARS, true],
    ['simulated', SIMULATED_JARS, false],
  ]) {
    for (const size of sizes) {
      progress(`deletion sweep over a ${kind} jar of ${size} cookies${direct ? ', written directly (browser floor)' : ''}`);
      const sweeps = [];
      let deleted = 0;
      let kept = 0;
      for (let visit = 0; visit < VISITS; visit++) {
        const result = await onFreshPage(`/scaling/sweep-${kind}.html`, (tab) =>
          tab.evaluate(
            async ({ size, repeats, names, direct }) => {
              await window.CookieConsent.ready;
              const domains = [
                '',
                ...location.hostname
                  .split('.')
                  .slice(0, -1)
                  .map((_, i, _labels) => `; domain=${location.hostname.split('.').slice(i).join('.')}`),
              ];
              const covered = /^(_ga_|__utm|_hj|_gcl_|mp_|_pk_)/;
              const deleteDirectly = () => {
                for (const pair of document.cookie.split(';')) {
                  const cookie = pair.split('=')[0].trim();
                  if (covered.test(cookie))
                    for (const domain of domains) document.cookie = `${cookie}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/${domain}`;
                }
              };
              const name = (i) => (i % 2 ? `site_pref_${i}` : `${names[(i / 2) % names.length]}${i}`);
              const times = [];
              let left = 0;
              let kept = 0;
              for (let r = 0; r <= repeats; r++) {
                window.CookieConsent.acceptAll();
                for (let i = 0; i < size; i++)
                  document.cookie = `${name(i)}=v${r}; path=/; max-age=3600${i % 4 === 0 ? '; domain=tunbridgewells.gov.uk' : ''}`;
                const start = performance.now();
                if (direct) deleteDirectly();
                else window.CookieConsent.rejectAll();
                times.push(performance.now() - start);
                const jar = document.cookie;
                left = 0;
                kept = 0;
                for (let i = 0; i < size; i++) {
                  const present = jar.includes(`${name(i)}=`);
                  if (i % 2 && present) kept++;
                  if (!(i % 2) && present) left++;
                }
                for (let i = 1; i < size; i += 2)
                  document.cookie = `${name(i)}=; path=/; max-age=0${i % 4 === 0 ? '; domain=tunbridgewells.gov.uk' : ''}`;
              }
              return { times, left, kept };
            },
            { size, repeats: REPEATS, names: SWEEP_NAMES, direct },
          ),
        );
        if (result.left) throw new Error(`${result.left} glob-matched cookies were not deleted (${kind} jar of ${size})`);
        if (result.kept !== Math.floor(size / 2))
          throw new Error(`${Math.floor(size / 2) - result.kept} of the site's own cookies were deleted (${kind} jar of ${size})`);
        sweeps.push(median(result.times.slice(1)));
        deleted = Math.ceil(size / 2);
        kept = result.kept;
      }
      record(
        direct ? 'browser floor: the same deletions written directly, real jar (ms)' : `rejectAll() sweep, ${kind} jar (ms)`,
        size,
        sweeps,
        { deleted, kept },
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}

// ---- report -----------------------------------------------------------------------------------
for (const entry of Object.values(series)) {
  // The slope of log(time) against log(size) over the non-zero sizes (least squares): 1 is linear.
  const points = entry.points
    .filter((point) => point.size > 0 && point.median > 0)
    .map((point) => [Math.log(point.size), Math.log(point.median)]);
  const mean = (index) => points.reduce((sum, point) => sum + point[index], 0) / points.length;
  const [mx, my] = [mean(0), mean(1)];
  entry.exponent = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0) / points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  entry.growth =
    entry.exponent < 0.9
      ? 'sub-linear'
      : entry.exponent <= 1.1
        ? 'linear'
        : entry.exponent <= 1.2
          ? 'about linear, within noise'
          : 'WORSE than linear';
  entry.linearOrBetter = entry.exponent <= 1.2;
}
const report = {
  date: new Date().toISOString(),
  machine: {
    cpuModel:
      /model name\s*:\s*(.*)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? cpus()[0]?.model,
    cpus: cpus().length,
    chromium: browser.version(),
    node: process.version,
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] },
  },
  options: { visits: VISITS, repeatsPerVisit: REPEATS, cpuRate: RATE },
  durationSeconds: Math.round((Date.now() - startedAt) / 1000),
  series,
};
if (options.json) console.log(JSON.stringify(report, null, 2));
else console.log(renderReport(report));

function renderReport(report) {
  const out = [
    `# council-cookie-consent scaling (${report.date.slice(0, 10)})`,
    '',
    `${report.machine.cpuModel}, ${report.machine.cpus} CPUs; Chromium ${report.machine.chromium}; CPU ${report.options.cpuRate}×; ${report.options.visits} fresh visits per size, ${report.options.repeatsPerVisit} repetitions each; ${report.durationSeconds} s` +
      (report.machine.loadAverage
        ? `; 1-minute load average ${report.machine.loadAverage.atStart.toFixed(1)} at the start, ${report.machine.loadAverage.atEnd.toFixed(1)} at the end.`
        : '.'),
    '',
  ];
  const rows = [];
  for (const [name, entry] of Object.entries(report.series))
    for (const [i, point] of entry.points.entries())
      rows.push([
        i === 0 ? name : '',
        point.size,
        point.median.toFixed(point.median < 10 ? 3 : 1),
        `${point.min.toFixed(point.min < 10 ? 3 : 1)}–${point.max.toFixed(point.max < 10 ? 3 : 1)}`,
        point.size && entry.perItem ? ((point.median * 1000) / point.size).toFixed(1) : '–',
        i === entry.points.length - 1 && Number.isFinite(entry.exponent) ? `${entry.exponent.toFixed(2)}: ${entry.growth}` : '',
      ]);
  out.push(table(['measure', 'size', 'median ms', 'min–max ms', 'µs per item', 'growth exponent'], rows, ['left']));
  out.push('');
  out.push(
    'Size: cookies in the catalogue, blocked scripts on the page, or cookies in the jar (half of them matched by the catalogue and deleted, half the site’s own and kept; ' +
      'size 0 is the fixed cost of rejectAll()). Growth exponent: slope of log(time) against log(size) over the non-zero sizes; 1 = linear. ' +
      'The browser floor is the same deletions written directly, without the library: what Chromium’s cookie store costs any sweep.',
  );
  return out.join('\n');
}
