#!/usr/bin/env node
// Side-by-side benchmark: council-cookie-consent against vanilla-cookieconsent, Orejime, Klaro
// and tarteaucitron, each on the same council page (bench/pages/) with its own documented
// set-up, served from this machine and visited in Chromium with a fresh profile per visit.
//
//   node bench/run.mjs [--rounds 20] [--cpu 1,4] [--only orejime,klaro] [--json]
//
// Rounds interleave the libraries (the order rotates each round), first at full speed and then
// with the CPU slowed 4× through the DevTools protocol. Before timing anything it checks that each
// library really keeps the analytics stand-in (and its _ga, _gid, _gat) blocked until consent,
// runs it on accept, and deletes its cookies on withdrawal; a library that does not is flagged
// "does less" in the results rather than silently compared. Progress goes to stderr; the tables
// (or, with --json, one JSON document) to stdout. Reads whatever dist/ holds: build first.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HOST, launch } from './lib/browser.mjs';
import { LIBRARIES } from './lib/libraries.mjs';
import { pageHtml, pageRoutes } from './lib/pages.mjs';
import { ROOT, startServer } from './lib/server.mjs';
import { compressedSizes, fileSizes, kb, spread, summarise, table } from './lib/stats.mjs';

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    cpu: { type: 'string', default: '1,4' },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    from: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log('usage: node bench/run.mjs [--rounds N] [--cpu 1,4] [--only id,id] [--json]');
  console.log('       node bench/run.mjs --from results.json   (the tables again from a saved --json run)');
  console.log(`libraries: ${LIBRARIES.map((lib) => lib.id).join(', ')}`);
  process.exit(0);
}
const ROUNDS = Number(options.rounds);
const RATES = options.cpu.split(',').map(Number);
if (!(ROUNDS >= 1) || RATES.some((rate) => !(rate >= 1))) {
  console.error('--rounds must be at least 1 and --cpu a list of slow-down rates of at least 1 (e.g. 1,4)');
  process.exit(2);
}
const only = options.only?.split(',');
const libraries = LIBRARIES.filter((lib) => lib.baseline || lib.primary || !only || only.includes(lib.id));

const VIEWPORT = { width: 1280, height: 800 };
const QUIET_MS = 500; // after the banner settles, so late long tasks and shifts are counted
const TIMEOUT_MS = 15000;
const ANALYTICS = ['_ga', '_gid', '_gat'];
const PROBE = readFileSync(new URL('./lib/probe.js', import.meta.url), 'utf8');
const progress = (message) => process.stderr.write(`${message}\n`);
if (options.from) {
  const saved = JSON.parse(readFileSync(options.from, 'utf8'));
  console.log(renderReport(saved));
  process.exit(0);
}

// The English-only script-tag file, as an English council such as Tunbridge Wells would use
// (Orejime's page likewise loads its English-only build).
const IIFE = join(ROOT, 'dist/council-cookie-consent.en.iife.js');
if (!existsSync(IIFE)) {
  console.error('dist/council-cookie-consent.en.iife.js is missing: run `npm run build` first.');
  process.exit(2);
}
warnIfStale();

// The build is read once: a rebuild while the benchmark runs cannot mix two builds in one table.
const IIFE_PATH = '/dist/council-cookie-consent.en.iife.js';
const iifeSnapshot = readFileSync(IIFE);
const build = buildInfo();
const server = await startServer({ ...pageRoutes(), [IIFE_PATH]: iifeSnapshot });
const { browser, origin } = await launch(server.port);
const urlOf = (lib) => `${origin}/pages/${lib.page}.html`;
const startedAt = Date.now();
const loadAtStart = loadavg()[0];

try {
  progress(
    `Chromium ${browser.version()}, ${cpus().length} CPUs; ${libraries.length} pages, ${ROUNDS} rounds at CPU ${RATES.map((r) => `${r}×`).join(' and ')}`,
  );
  const checks = {};
  const bytes = {};
  for (const lib of libraries) {
    if (lib.baseline) continue;
    progress(`checking ${lib.id}`);
    const check = await verify(lib);
    checks[lib.id] = check;
    bytes[lib.id] = sizesOf(lib, check.assets);
  }
  const phases = {};
  for (const rate of RATES) {
    if (rate === RATES[0]) {
      progress(`CPU ${rate}×: warm-up`);
      for (const lib of libraries) await visit(lib, rate).catch(() => undefined);
    }
    const rounds = [];
    for (let round = 0; round < ROUNDS; round++) {
      const shift = round % libraries.length;
      const order = [...libraries.slice(shift), ...libraries.slice(0, shift)];
      const results = {};
      for (const lib of order)
        results[lib.id] = await visit(lib, rate).catch((error) => ({ error: String(error.message ?? error).split('\n')[0] }));
      for (const lib of libraries)
        if (results[lib.id].heap !== undefined && results.baseline?.heap !== undefined)
          results[lib.id].heapAdded = results[lib.id].heap - results.baseline.heap;
      rounds.push(results);
      progress(`CPU ${rate}×: round ${round + 1}/${ROUNDS} (${Math.round((Date.now() - startedAt) / 1000)} s)`);
    }
    phases[rate] = rounds;
  }
  const report = buildReport(checks, bytes, phases);
  if (options.json) console.log(JSON.stringify(report, null, 2));
  else console.log(renderReport(report));
} finally {
  await browser.close();
  await server.close();
}

/** Names and domains of the analytics cookies in a browser context. */
async function analyticsCookies(context) {
  return (await context.cookies()).filter((cookie) => ANALYTICS.includes(cookie.name)).map((cookie) => `${cookie.name}@${cookie.domain}`);
}

function withTimeout(promise, what, ms = TIMEOUT_MS) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms / 1000} s`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/** A fresh profile (no cookies, empty cache), throttled if asked, with the probe installed. */
async function openPage(lib, rate = 1) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const external = [];
  page.on('request', (request) => {
    const host = new URL(request.url()).hostname;
    if (host !== HOST && !request.url().startsWith('data:')) external.push(request.url());
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript({ content: `(${PROBE})(${JSON.stringify(lib.banner)});` });
  return { context, page, cdp, external };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map(({ name, value }) => [name, value]));
}

/** CLS as Chromium reports it: the largest session window (gaps under 1 s, at most 5 s long). */
function cumulativeLayoutShift(shifts) {
  let worst = 0;
  let current = 0;
  let first = -Infinity;
  let previous = -Infinity;
  for (const [time, value] of shifts) {
    if (time - previous > 1000 || time - first > 5000) {
      first = time;
      current = 0;
    }
    current += value;
    previous = time;
    worst = Math.max(worst, current);
  }
  return worst;
}

/** One timed visit: a fresh profile, load, banner, then the resident accepts. */
async function visit(lib, rate) {
  const { context, page, cdp, external } = await openPage(lib, rate);
  try {
    await page.goto(urlOf(lib), { waitUntil: 'load', timeout: TIMEOUT_MS * rate });
    if (lib.banner)
      await withTimeout(
        page.evaluate(() => window.__bench.bannerSettled),
        'banner',
        TIMEOUT_MS * rate,
      );
    await page.waitForTimeout(QUIET_MS);
    const before = await metrics(cdp);
    await cdp.send('HeapProfiler.collectGarbage');
    const { JSHeapUsedSize: heap } = await metrics(cdp);
    const probe = await page.evaluate(() => {
      const bench = window.__bench;
      const navigation = performance.getEntriesByType('navigation')[0];
      return {
        bannerAt: bench.bannerAt,
        bannerSettledAt: bench.bannerSettledAt,
        fcp: bench.fcp,
        longTasks: bench.longTasks,
        shifts: bench.shifts,
        ranBeforeConsent: Boolean(bench.standInRuns),
        domContentLoaded: navigation?.domContentLoadedEventEnd,
        load: navigation?.loadEventEnd,
      };
    });
    const cookiesBefore = await analyticsCookies(context);
    const result = {
      bannerAt: probe.bannerAt,
      bannerSettledAt: probe.bannerSettledAt,
      fcp: probe.fcp,
      load: probe.load,
      scriptMs: before.ScriptDuration * 1000,
      taskMs: before.TaskDuration * 1000,
      layoutMs: (before.LayoutDuration + before.RecalcStyleDuration) * 1000,
      heap,
      longTasks: probe.longTasks.length,
      longestTask: Math.max(0, ...probe.longTasks.map(([, duration]) => duration)),
      blockingMs: probe.longTasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
      cls: cumulativeLayoutShift(probe.shifts),
      blockedBeforeConsent: !probe.ranBeforeConsent && cookiesBefore.length === 0,
      external: external.length,
    };
    if (!lib.baseline) {
      await lib.accept(page).click({ timeout: TIMEOUT_MS });
      const ranAt = await withTimeout(
        page.evaluate(() => window.__bench.standInRan),
        'stand-in after accept',
        TIMEOUT_MS * rate,
      );
      const clickAt = await page.evaluate(() => window.__bench.clickAt);
      result.acceptToScript = ranAt - clickAt;
      result.setAfterAccept = (await analyticsCookies(context)).length === ANALYTICS.length;
    }
    return result;
  } finally {
    await context.close();
  }
}

/**
 * The checks that keep the comparison honest, at full speed, and the files the page loads:
 * (1) nothing runs and no _ga/_gid/_gat before a choice, nor after "reject";
 * (2) "accept" runs the stand-in, which sets all three on tunbridgewells.gov.uk;
 * (3) withdrawing consent with the library's documented call deletes them (else: after a reload? never?).
 */
async function verify(lib) {
  const check = { library: lib.id };
  // (1) before consent, then reject.
  {
    const mark = server.log.length;
    const { context, page, external } = await openPage(lib);
    try {
      await page.goto(urlOf(lib), { waitUntil: 'load', timeout: TIMEOUT_MS });
      await withTimeout(
        page.evaluate(() => window.__bench.bannerSettled),
        'banner',
      );
      await page.waitForTimeout(1000);
      check.assets = [...new Set(server.log.slice(mark).map((entry) => entry.path))].filter(
        (path) => /\.(m?js|css)$/.test(path) && lib.assets.some((prefix) => path.startsWith(prefix)),
      );
      const ran = await page.evaluate(() => Boolean(window.__bench.standInRuns));
      check.blocksBeforeConsent = !ran && (await analyticsCookies(context)).length === 0;
      await lib.reject(page).click({ timeout: TIMEOUT_MS });
      await page.waitForTimeout(1000);
      check.staysBlockedAfterReject =
        !(await page.evaluate(() => Boolean(window.__bench.standInRuns))) && (await analyticsCookies(context)).length === 0;
      check.externalRequests = external;
    } finally {
      await context.close();
    }
  }
  // (2) accept, then (3) withdraw.
  {
    const { context, page } = await openPage(lib);
    try {
      await page.goto(urlOf(lib), { waitUntil: 'load', timeout: TIMEOUT_MS });
      await withTimeout(
        page.evaluate(() => window.__bench.bannerSettled),
        'banner',
      );
      await page.waitForTimeout(QUIET_MS); // as in the timed visits
      await lib.accept(page).click({ timeout: TIMEOUT_MS });
      check.runsOnAccept = await withTimeout(
        page.evaluate(() => window.__bench.standInRan),
        'stand-in after accept',
      ).then(
        () => true,
        () => false,
      );
      await page.waitForTimeout(300);
      check.cookiesAfterAccept = await analyticsCookies(context);
      await page.evaluate(lib.withdraw);
      await page.waitForTimeout(1000);
      check.cookiesAfterWithdraw = await analyticsCookies(context);
      if (check.cookiesAfterWithdraw.length) {
        await page.reload({ waitUntil: 'load' });
        await page.waitForTimeout(2000);
        check.cookiesAfterReload = await analyticsCookies(context);
      }
    } finally {
      await context.close();
    }
  }
  // (4) a resident who clicks "accept" in the first frame the banner is visible.
  {
    const { context, page } = await openPage(lib);
    try {
      await page.goto(urlOf(lib), { waitUntil: 'load', timeout: TIMEOUT_MS });
      await withTimeout(
        page.evaluate(() => window.__bench.bannerShown),
        'banner',
      );
      await lib.accept(page).click({ timeout: TIMEOUT_MS });
      check.acceptWorksAtFirstSight = await withTimeout(
        page.evaluate(() => window.__bench.standInRan),
        'stand-in',
        3000,
      ).then(
        () => true,
        () => false,
      );
    } finally {
      await context.close();
    }
  }
  check.deletesOnWithdraw = !check.cookiesAfterWithdraw.length ? 'yes' : !check.cookiesAfterReload.length ? 'after a reload' : 'no';
  const reasons = [];
  if (!check.blocksBeforeConsent) reasons.push('runs or sets _ga before consent');
  if (!check.staysBlockedAfterReject) reasons.push('runs or sets _ga after reject');
  if (!check.runsOnAccept || check.cookiesAfterAccept.length < ANALYTICS.length) reasons.push('the stand-in did not run on accept');
  if (check.deletesOnWithdraw !== 'yes')
    reasons.push(
      check.deletesOnWithdraw === 'no'
        ? `does not delete ${check.cookiesAfterReload.join(', ')} when consent is withdrawn`
        : `deletes ${check.cookiesAfterWithdraw.join(', ')} only on the next page load`,
    );
  if (check.externalRequests.length)
    reasons.push(`tries to reach ${[...new Set(check.externalRequests.map((url) => new URL(url).host))].join(', ')}`);
  check.doesLess = reasons;
  check.notes = check.acceptWorksAtFirstSight
    ? []
    : ['an accept click in the first frame the banner shows is lost (the stand-in never runs); later clicks work'];
  return check;
}

/** What the library adds to the page: its JS and CSS files, and the configuration the page carries. */
function sizesOf(lib, assets) {
  const files = assets.map((path) => ({
    path,
    ...(path === IIFE_PATH ? compressedSizes(iifeSnapshot) : fileSizes(join(ROOT, path.slice(1)))),
  }));
  const total = (key) => files.reduce((sum, file) => sum + file[key], 0);
  const html = pageHtml(lib.page);
  const config = [...html.matchAll(/<(script|link)\b([^>]*\bdata-bench-config\b[^>]*)>(?:([\s\S]*?)<\/script>)?/g)]
    .map(([, , attributes, inner]) => {
      const url = /\b(?:src|href)="([^"]+)"/.exec(attributes)?.[1];
      return url ? readFileSync(join(ROOT, url.slice(1)), 'utf8') : (inner ?? '');
    })
    .join('\n')
    // Explanatory comment lines in the set-up files are the benchmark's, not the library's.
    .replace(/^\s*\/\/.*\n/gm, '');
  return { files, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli'), config: compressedSizes(config) };
}

function buildReport(checks, bytes, phases) {
  const ids = libraries.map((lib) => lib.id);
  const primary = libraries.find((lib) => lib.primary).id;
  const METRICS = [
    'bannerAt',
    'bannerSettledAt',
    'fcp',
    'scriptMs',
    'taskMs',
    'layoutMs',
    'heap',
    'heapAdded',
    'longTasks',
    'longestTask',
    'blockingMs',
    'cls',
    'acceptToScript',
  ];
  const RATIO_METRICS = ['bannerAt', 'bannerSettledAt', 'scriptMs', 'heapAdded', 'acceptToScript'];
  const results = {};
  for (const [rate, rounds] of Object.entries(phases)) {
    results[rate] = {};
    for (const id of ids) {
      const visits = rounds.map((round) => round[id]);
      const entry = {
        errors: visits.filter((visit) => visit.error).map((visit) => visit.error),
        metrics: {},
        blockedEveryVisit: visits.every((v) => v.error || v.blockedBeforeConsent),
      };
      for (const metric of METRICS) entry.metrics[metric] = summarise(visits.map((visit) => visit[metric]));
      entry.ratios = {};
      if (id !== primary && id !== 'baseline')
        for (const metric of RATIO_METRICS)
          entry.ratios[metric] = summarise(rounds.map((round) => round[primary][metric] / round[id][metric]).filter((value) => value > 0));
      results[rate][id] = entry;
    }
  }
  return {
    date: new Date().toISOString(),
    machine: machine(),
    build,
    options: { rounds: ROUNDS, cpuRates: RATES, viewport: VIEWPORT, quietMs: QUIET_MS },
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    libraries: libraries.map(({ id, label, version, page }) => ({ id, label, version, page: `bench/pages/${page}.html` })),
    bytes,
    checks,
    results,
    raw: phases,
  };
}

/** Which build of the library was measured: dist/'s time, and the commit it was built over. */
function buildInfo() {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return undefined;
    }
  };
  return {
    builtAt: statSync(IIFE).mtime.toISOString(),
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedSourceChanges: Boolean(git('status', '--porcelain', '--', 'src')),
  };
}

function machine() {
  const info = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    cpuModel: /model name\s*:\s*(.*)/.exec(info)?.[1] ?? cpus()[0]?.model,
    cpus: cpus().length,
    memoryGB: Math.round(
      Number(/MemTotal:\s*(\d+)/.exec(existsSync('/proc/meminfo') ? readFileSync('/proc/meminfo', 'utf8') : '')?.[1] ?? 0) / 1048576,
    ),
    chromium: browser.version(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    // Other work on the machine shows up as noise: the 1-minute load average around the run.
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] },
  };
}

function renderReport(report) {
  const primary = LIBRARIES.find((lib) => lib.primary).id;
  const label = (id) => {
    const lib = report.libraries.find((entry) => entry.id === id);
    return lib.version && !lib.id.startsWith('council') ? `${lib.label} ${lib.version}` : lib.label;
  };
  const out = [];
  const m = report.machine;
  out.push(`# Consent libraries side by side (${report.date.slice(0, 10)})`);
  out.push('');
  out.push(
    `${m.cpuModel}, ${m.cpus} CPUs, ${m.memoryGB} GB; Chromium ${m.chromium}; Node ${m.node}; ${report.options.rounds} round${report.options.rounds === 1 ? '' : 's'} per CPU setting, libraries interleaved; ${report.durationSeconds} s${m.loadAverage ? `; 1-minute load average ${m.loadAverage.atStart.toFixed(1)} at the start, ${m.loadAverage.atEnd.toFixed(1)} at the end` : ''}.`,
  );
  if (report.build)
    out.push(
      '',
      `council-cookie-consent measured from dist/ as built at ${report.build.builtAt.replace('T', ' ').slice(0, 16)} UTC, over commit ${report.build.commit ?? '?'}${report.build.uncommittedSourceChanges ? ' with uncommitted changes in src/' : ''}.`,
    );
  out.push('');
  out.push('## Bytes each library adds (JS + CSS files the page loads)');
  out.push('');
  const ourBrotli = report.bytes[primary].brotli;
  out.push(
    table(
      ['library', 'files', 'minified KB', 'gzip KB', 'brotli KB', 'ours ÷ theirs (brotli)', 'set-up/catalogue brotli KB'],
      Object.entries(report.bytes).map(([id, size]) => [
        label(id),
        size.files.length,
        kb(size.raw),
        kb(size.gzip),
        kb(size.brotli),
        id.startsWith('council') ? '–' : (ourBrotli / size.brotli).toFixed(2),
        kb(size.config.brotli),
      ]),
      ['left'],
    ),
  );
  out.push('');
  for (const [rate, byId] of Object.entries(report.results)) {
    out.push(
      `## CPU ${rate}× ${rate === '1' ? '(no throttling)' : '(DevTools CPU throttling)'}: median [interquartile range], ${report.options.rounds} visit${report.options.rounds === 1 ? '' : 's'} each`,
    );
    out.push('');
    const rows = Object.entries(byId).map(([id, entry]) => {
      const s = entry.metrics;
      return [
        label(id),
        spread(s.fcp),
        spread(s.bannerAt),
        spread(s.bannerSettledAt),
        spread(s.scriptMs, 1),
        spread(s.longTasks, 1),
        s.longestTask.n ? `${s.longestTask.median.toFixed(0)} (max ${s.longestTask.max.toFixed(0)})` : '–',
        s.cls.n ? `${s.cls.median.toFixed(3)} (max ${s.cls.max.toFixed(3)})` : '–',
        id === 'baseline'
          ? `${kb(s.heap.median)} total`
          : spread({ ...s.heapAdded, median: s.heapAdded.median / 1024, q1: s.heapAdded.q1 / 1024, q3: s.heapAdded.q3 / 1024 }, 0),
        spread(s.acceptToScript, 1),
        entry.errors.length ? `${entry.errors.length}` : '0',
      ];
    });
    const anyFailed = Object.values(byId).some((entry) => entry.errors.length);
    out.push(
      table(
        [
          'library',
          'first paint ms',
          'banner visible ms',
          'banner settled ms',
          'script ms',
          'long tasks',
          'longest task ms',
          'CLS',
          'JS heap added KB',
          'accept → script ms',
          'failed visits',
        ].slice(0, anyFailed ? 11 : 10),
        rows.map((row) => row.slice(0, anyFailed ? 11 : 10)),
        ['left'],
      ),
    );
    out.push('');
    const ratioRows = Object.entries(byId)
      .filter(([id]) => id !== primary && id !== 'baseline')
      .map(([id, entry]) => [
        label(id),
        ...['bannerAt', 'bannerSettledAt', 'scriptMs', 'heapAdded', 'acceptToScript'].map((metric) => spread(entry.ratios[metric], 2)),
      ]);
    out.push(`Ours (${label(primary)}) ÷ each, per round, CPU ${rate}× — median [IQR]; below 1 means ours is smaller or faster:`);
    out.push('');
    out.push(
      table(['compared with', 'banner visible', 'banner settled', 'script time', 'JS heap added', 'accept → script'], ratioRows, ['left']),
    );
    out.push('');
    const errors = Object.entries(byId).flatMap(([id, entry]) => [...new Set(entry.errors)].map((error) => `- ${label(id)}: ${error}`));
    if (errors.length) out.push('Failed visits:', ...errors, '');
  }
  out.push('## Does each library do the job? (checked before timing, at full speed)');
  out.push('');
  out.push(
    table(
      [
        'library',
        'blocked before consent',
        'blocked after reject',
        'runs on accept',
        'deletes _ga, _gid, _gat on withdrawal',
        'accept works at first sight',
        'verdict',
      ],
      Object.entries(report.checks).map(([id, check]) => [
        label(id),
        check.blocksBeforeConsent ? 'yes' : 'NO',
        check.staysBlockedAfterReject ? 'yes' : 'NO',
        check.runsOnAccept && check.cookiesAfterAccept.length === ANALYTICS.length ? 'yes' : 'NO',
        check.deletesOnWithdraw,
        check.acceptWorksAtFirstSight ? 'yes' : 'NO',
        [check.doesLess.length ? `DOES LESS: ${check.doesLess.join('; ')}` : 'ok', ...check.notes].join('; '),
      ]),
      ['left', 'left', 'left', 'left', 'left', 'left', 'left'],
    ),
  );
  out.push('');
  out.push(
    'Banner visible: first frame in which the banner is on screen (any opacity), polled once per animation frame (≈16.7 ms steps). ' +
      'Settled: first frame from which it is fully opaque and no longer moving. Script ms: Chromium main-thread script time (Performance.getMetrics ScriptDuration) from navigation to the banner settling + 0.5 s. ' +
      'Long tasks: tasks over 50 ms per visit; longest task: median over visits of each visit’s longest (and the longest of all). JS heap added: used JS heap after a forced garbage collection, minus the same round’s page without a library. ' +
      'Accept → script: from the click on the accept button to the stand-in analytics script starting to run.',
  );
  return out.join('\n');
}

function warnIfStale() {
  const newest = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
      const path = join(dir, entry.name);
      return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  try {
    if (newest(join(ROOT, 'src')) > statSync(IIFE).mtimeMs)
      progress('warning: src/ has changed since dist/ was built; run `npm run build` to benchmark the current code.');
  } catch {
    // no src/ (an installed package): nothing to compare
  }
}
