#!/usr/bin/env node
// Side-by-side benchmark: council-cookie-consent against vanilla-cookieconsent, Orejime, Klaro
// and tarteaucitron, each on the same council pages (bench/pages/) with its own documented
// set-up, served from this machine and visited in Chromium with a fresh profile per visit.
//
//   node bench/run.mjs [--rounds 20] [--cpu 1,4] [--visits first,returning,policy] [--only orejime,klaro] [--json]
//
// Three visits, each with an empty cache:
// - first: no stored choice, the home page; until the banner has settled + 0.5 s, then accept;
// - returning: the home page with the stored choice an "accept" left (see storedChoice below);
//   until the granted analytics script has run + 0.5 s;
// - policy: the cookie policy page (two cookie tables) with the same stored choice; until the
//   granted script has run and our <cookie-table> elements have taken the tables over, + 0.5 s.
// Rounds interleave the libraries (the order rotates each round) and the visits, first at full
// speed and then with the CPU slowed 4× through the DevTools protocol. Before timing anything it
// checks that each library really keeps the analytics stand-in (and its _ga, _gid, _gat) blocked
// until consent, runs it on accept, deletes its cookies on withdrawal, and on a returning visit
// runs it without asking again; a library that does not is flagged "does less" rather than
// silently compared. Every file each visit fetched is taken from the server's request log.
// Progress goes to stderr; the tables (or, with --json, one JSON document) to stdout. Reads
// whatever dist/ holds, once at the start: build first.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HOST, launch } from './lib/browser.mjs';
import { LIBRARIES } from './lib/libraries.mjs';
import { pageHtml, pagePath, pageRoutes } from './lib/pages.mjs';
import { ROOT, startServer } from './lib/server.mjs';
import { compressedSizes, fileSizes, kb, spread, summarise, table } from './lib/stats.mjs';
import { TARGETS_NOTE, targetRows } from './lib/targets.mjs';

const VISITS = ['first', 'returning', 'policy'];
const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    cpu: { type: 'string', default: '1,4' },
    visits: { type: 'string', default: VISITS.join(',') },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    from: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log('usage: node bench/run.mjs [--rounds N] [--cpu 1,4] [--visits first,returning,policy] [--only id,id] [--json]');
  console.log('       node bench/run.mjs --from results.json   (the tables again from a saved --json run)');
  console.log(`libraries: ${LIBRARIES.map((lib) => lib.id).join(', ')}`);
  process.exit(0);
}
const ANALYTICS = ['_ga', '_gid', '_gat'];
const METRICS = {
  first: [
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
    'bytes',
    'bytesBeforeBanner',
  ],
  returning: [
    'standInAt',
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
    'bytes',
  ],
  policy: [
    'standInAt',
    'tablesAt',
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
    'bytes',
  ],
};
const RATIO_METRICS = {
  first: ['bytesBeforeBanner', 'bannerAt', 'bannerSettledAt', 'scriptMs', 'heapAdded', 'acceptToScript'],
  returning: ['bytes', 'standInAt', 'scriptMs', 'heapAdded'],
  policy: ['bytes', 'standInAt', 'scriptMs', 'heapAdded'],
};

const bytes = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : '–');
const VISIT_TITLES = {
  first: 'First visit: no stored choice, the home page',
  returning: 'Returning visit: the stored choice an “accept” left, the home page (blocked scripts, no table or iframe)',
  policy: 'Policy page: the stored choice an “accept” left, the cookie policy page with two cookie tables',
};

const progress = (message) => process.stderr.write(`${message}\n`);
if (options.from) {
  console.log(renderReport(JSON.parse(readFileSync(options.from, 'utf8'))));
  process.exit(0);
}
const ROUNDS = Number(options.rounds);
const RATES = options.cpu.split(',').map(Number);
const KINDS = options.visits.split(',');
if (!(ROUNDS >= 1) || RATES.some((rate) => !(rate >= 1)) || !KINDS.length || KINDS.some((kind) => !VISITS.includes(kind))) {
  console.error(
    `--rounds must be at least 1, --cpu a list of slow-down rates of at least 1 (e.g. 1,4), --visits some of ${VISITS.join(', ')}`,
  );
  process.exit(2);
}
const only = options.only?.split(',');
const libraries = LIBRARIES.filter((lib) => lib.baseline || lib.primary || !only || only.includes(lib.id));

const VIEWPORT = { width: 1280, height: 800 };
const QUIET_MS = 500; // after the banner settles (or the granted script runs), so late long tasks and shifts are counted
const TIMEOUT_MS = 15000;
const TABLES_TIMEOUT_MS = 2000; // after the granted script has run: the catalogue is there by then
// The probe is one arrow function; the formatter ends the file with a semicolon, which cannot stay inside the call's brackets.
const PROBE = readFileSync(new URL('./lib/probe.js', import.meta.url), 'utf8')
  .trim()
  .replace(/;$/, '');

// Every script-tag file of ours, read once: a rebuild while the benchmark runs cannot mix two
// builds in one table (the core carries its parts' integrity hashes).
const DIST = join(ROOT, 'dist');
const CORE = 'council-cookie-consent.iife.js';
const REQUIRED = [CORE, 'council-cookie-consent.banner.js', 'council-cookie-consent.details.js', 'council-cookie-consent.all.iife.js'];
const missing = REQUIRED.filter((file) => !existsSync(join(DIST, file)));
if (missing.length) {
  console.error(`dist/ has no ${missing.join(', ')}: run \`npm run build\` first.`);
  process.exit(2);
}
warnIfStale();
const snapshot = Object.fromEntries(
  readdirSync(DIST)
    .filter((file) => /^council-cookie-consent\..+\.js$/.test(file))
    .map((file) => [`/dist/${file}`, readFileSync(join(DIST, file))]),
);
const build = buildInfo();
const server = await startServer({ ...pageRoutes(libraries), ...snapshot });
const { browser, origin } = await launch(server.port);
const urlOf = (lib, kind) => `${origin}${pagePath(lib, kind === 'policy')}`;
const startedAt = Date.now();
const loadAtStart = loadavg();

/** Sizes of each file a visit fetched, as served (ours from the snapshot); computed once per file. */
const fileSizesByPath = {};
const sizeOf = (path) =>
  (fileSizesByPath[path] ??= snapshot[path] ? compressedSizes(snapshot[path]) : fileSizes(join(ROOT, path.slice(1))));

/** The stored choice of each library: the cookies and storage an "accept" left (captured in the checks). */
const storedChoices = {};

try {
  progress(
    `Chromium ${browser.version()}, ${cpus().length} CPUs, load average ${loadAtStart.map((load) => load.toFixed(1)).join(' ')}; ` +
      `${libraries.length} pages × ${KINDS.length} visits, ${ROUNDS} rounds at CPU ${RATES.map((r) => `${r}×`).join(' and ')}`,
  );
  const checks = {};
  const setup = {};
  for (const lib of libraries) {
    if (lib.baseline) continue;
    progress(`checking ${lib.id}`);
    checks[lib.id] = await verify(lib);
    setup[lib.id] = setupSizes(lib);
  }
  const raw = Object.fromEntries(KINDS.map((kind) => [kind, {}]));
  for (const rate of RATES) {
    if (rate === RATES[0]) {
      progress(`CPU ${rate}×: warm-up`);
      for (const kind of KINDS) for (const lib of libraries) await visit(lib, kind, rate).catch(() => undefined);
    }
    for (const kind of KINDS) raw[kind][rate] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const shift = round % libraries.length;
      const order = [...libraries.slice(shift), ...libraries.slice(0, shift)];
      for (const kind of KINDS) {
        const results = {};
        for (const lib of order)
          results[lib.id] = await visit(lib, kind, rate).catch((error) => ({ error: String(error.message ?? error).split('\n')[0] }));
        for (const lib of libraries)
          if (results[lib.id].heap !== undefined && results.baseline?.heap !== undefined)
            results[lib.id].heapAdded = results[lib.id].heap - results.baseline.heap;
        raw[kind][rate].push(results);
      }
      progress(`CPU ${rate}×: round ${round + 1}/${ROUNDS} (${Math.round((Date.now() - startedAt) / 1000)} s)`);
    }
  }
  const report = buildReport(checks, setup, raw);
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

/**
 * A fresh profile (empty cache; no cookies, or the library's stored choice), throttled if asked,
 * with the probe installed.
 */
async function openPage(lib, rate = 1, storageState = undefined) {
  // With a stored choice no banner should show: the probe does not poll for one (see probe.js).
  const poll = storageState === undefined;
  const context = await browser.newContext({ viewport: VIEWPORT, storageState });
  const page = await context.newPage();
  const external = [];
  page.on('request', (request) => {
    const host = new URL(request.url()).hostname;
    if (host !== HOST && !request.url().startsWith('data:')) external.push(request.url());
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript({ content: `(${PROBE})(${JSON.stringify(lib.banner)}, ${poll});` });
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

/** The library's own JS and CSS files among the server's answers since `mark`, each once, in order. */
function libraryFiles(lib, mark) {
  const paths = server.log.slice(mark).map((entry) => entry.path);
  return [...new Set(paths)].filter((path) => /\.(m?js|css)$/.test(path) && lib.assets.some((prefix) => path.startsWith(prefix)));
}

function brotliOf(paths) {
  return paths.reduce((sum, path) => sum + sizeOf(path).brotli, 0);
}

/**
 * One timed visit in a fresh profile. First visit: load, banner settled, then the resident
 * accepts. Returning visit and policy page: the stored choice in the profile; load, the granted
 * script runs (and, on the policy page, our tables are taken over).
 */
async function visit(lib, kind, rate) {
  const stored = kind === 'first' || lib.baseline ? undefined : storedChoices[lib.id];
  if (kind !== 'first' && !lib.baseline && !stored) throw new Error('no stored choice to return with (the accept check failed)');
  const { context, page, cdp, external } = await openPage(lib, rate, stored);
  try {
    const mark = server.log.length;
    await page.goto(urlOf(lib, kind), { waitUntil: 'load', timeout: TIMEOUT_MS * rate });
    let tablesAt;
    if (!lib.baseline) {
      if (kind === 'first')
        await withTimeout(
          page.evaluate(() => window.__bench.bannerSettled),
          'banner',
          TIMEOUT_MS * rate,
        );
      else {
        await withTimeout(
          page.evaluate(() => window.__bench.standInRan),
          'the granted script on a returning visit',
          TIMEOUT_MS * rate,
        );
        // Tables that never get the catalogue are an outcome to report, not a visit to throw away.
        if (kind === 'policy' && lib.tablesReady)
          tablesAt = await withTimeout(page.evaluate(lib.tablesReady), 'the cookie tables', TABLES_TIMEOUT_MS * rate).catch(
            () => undefined,
          );
      }
    }
    await page.waitForTimeout(QUIET_MS);
    const before = await metrics(cdp);
    const files = libraryFiles(lib, mark);
    await cdp.send('HeapProfiler.collectGarbage');
    const { JSHeapUsedSize: heap } = await metrics(cdp);
    const probe = await page.evaluate(() => {
      const bench = window.__bench;
      const navigation = performance.getEntriesByType('navigation')[0];
      return {
        bannerAt: bench.bannerAt,
        bannerSettledAt: bench.bannerSettledAt,
        standInAt: bench.standInRanAt,
        fcp: bench.fcp,
        longTasks: bench.longTasks,
        shifts: bench.shifts,
        ranBeforeConsent: Boolean(bench.standInRuns),
        bannerShown: bench.bannerOnScreen?.() ?? false,
        load: navigation?.loadEventEnd,
        // When each file was asked for, on the same clock as the banner's times.
        requested: performance
          .getEntriesByType('resource')
          .map((entry) => [new URL(entry.name).pathname, entry.startTime])
          .reverse(),
      };
    });
    const requestedAt = Object.fromEntries(probe.requested);
    const result = {
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
      external: external.length,
      files,
      bytes: brotliOf(files),
    };
    if (kind !== 'first') {
      result.standInAt = probe.standInAt;
      result.bannerShown = probe.bannerShown;
      if (kind === 'policy' && lib.tablesReady) {
        result.tablesAt = tablesAt;
        result.tablesTakenOver = tablesAt !== undefined;
      }
      return result;
    }
    const cookiesBefore = await analyticsCookies(context);
    Object.assign(result, {
      bannerAt: probe.bannerAt,
      bannerSettledAt: probe.bannerSettledAt,
      blockedBeforeConsent: !probe.ranBeforeConsent && cookiesBefore.length === 0,
      filesBeforeBanner: files.filter((path) => requestedAt[path] !== undefined && requestedAt[path] <= probe.bannerAt),
    });
    result.bytesBeforeBanner = brotliOf(result.filesBeforeBanner);
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
 * The checks that keep the comparison honest, at full speed:
 * (1) nothing runs and no _ga/_gid/_gat before a choice, nor after "reject";
 * (2) "accept" runs the stand-in, which sets all three on tunbridgewells.gov.uk; what the
 *     profile then holds (cookies and local storage) is kept as the library's stored choice;
 * (3) withdrawing consent with the library's documented call deletes them (else: after a reload? never?);
 * (4) an accept click in the first frame the banner shows counts;
 * (5) a returning visit with that stored choice (a fresh profile: empty cache) shows no banner
 *     and runs the stand-in.
 */
async function verify(lib) {
  const check = { library: lib.id };
  // (1) before consent, then reject.
  {
    const { context, page, external } = await openPage(lib);
    try {
      await page.goto(urlOf(lib, 'first'), { waitUntil: 'load', timeout: TIMEOUT_MS });
      await withTimeout(
        page.evaluate(() => window.__bench.bannerSettled),
        'banner',
      );
      await page.waitForTimeout(1000);
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
      await page.goto(urlOf(lib, 'first'), { waitUntil: 'load', timeout: TIMEOUT_MS });
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
      if (check.runsOnAccept) storedChoices[lib.id] = await context.storageState();
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
      await page.goto(urlOf(lib, 'first'), { waitUntil: 'load', timeout: TIMEOUT_MS });
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
  // (5) the next visit, with the stored choice.
  if (storedChoices[lib.id]) {
    const { context, page } = await openPage(lib, 1, storedChoices[lib.id]);
    try {
      await page.goto(urlOf(lib, 'returning'), { waitUntil: 'load', timeout: TIMEOUT_MS });
      check.returningRunsGranted = await withTimeout(
        page.evaluate(() => window.__bench.standInRan),
        'stand-in',
      ).then(
        () => true,
        () => false,
      );
      await page.waitForTimeout(1000);
      check.returningShowsNoBanner = !(await page.evaluate(() => window.__bench.bannerOnScreen()));
    } finally {
      await context.close();
    }
  }
  // (6) the policy page with that stored choice: our <cookie-table> elements take the tables over from the catalogue.
  if (storedChoices[lib.id] && lib.tablesReady) {
    const { context, page } = await openPage(lib, 1, storedChoices[lib.id]);
    try {
      await page.goto(urlOf(lib, 'policy'), { waitUntil: 'load', timeout: TIMEOUT_MS });
      check.tablesTakeOver = await withTimeout(page.evaluate(lib.tablesReady), 'the cookie tables', 5000).then(
        () => true,
        () => false,
      );
    } finally {
      await context.close();
    }
  }
  check.storedChoice = storedChoices[lib.id]
    ? {
        cookies: storedChoices[lib.id].cookies.map((cookie) => `${cookie.name}@${cookie.domain}`),
        localStorage: storedChoices[lib.id].origins.flatMap((entry) => entry.localStorage.map((item) => item.name)),
      }
    : undefined;
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
  if (!check.returningRunsGranted) reasons.push('a returning visit does not run the accepted script');
  if (check.returningShowsNoBanner === false) reasons.push('a returning visit shows the banner again');
  if (check.tablesTakeOver === false)
    reasons.push(
      'on the policy page <cookie-table> never gets the page’s catalogue (it keeps the pasted tables; an empty one would show nothing)',
    );
  if (check.externalRequests.length)
    reasons.push(`tries to reach ${[...new Set(check.externalRequests.map((url) => new URL(url).host))].join(', ')}`);
  check.doesLess = reasons;
  check.notes = check.acceptWorksAtFirstSight
    ? []
    : ['an accept click in the first frame the banner shows is lost (the stand-in never runs); later clicks work'];
  return check;
}

/** The configuration the library's page carries (set-up script, or our catalogue), comment lines left out. */
function setupSizes(lib) {
  const html = pageHtml(lib.page);
  const config = [...html.matchAll(/<(script|link)\b([^>]*\bdata-bench-config\b[^>]*)>(?:([\s\S]*?)<\/script>)?/g)]
    .map(([, , attributes, inner]) => {
      const url = /\b(?:src|href)="([^"]+)"/.exec(attributes)?.[1];
      return url ? readFileSync(join(ROOT, url.slice(1)), 'utf8') : (inner ?? '');
    })
    .join('\n')
    // Explanatory comment lines in the set-up files are the benchmark's, not the library's.
    .replace(/^\s*\/\/.*\n/gm, '');
  return compressedSizes(config);
}

function buildReport(checks, setup, raw) {
  const primary = libraries.find((lib) => lib.primary).id;
  const results = {};
  for (const [kind, byRate] of Object.entries(raw)) {
    results[kind] = {};
    for (const [rate, rounds] of Object.entries(byRate)) {
      results[kind][rate] = {};
      for (const lib of libraries) {
        const visits = rounds.map((round) => round[lib.id]);
        const done = visits.filter((visit) => !visit.error);
        const entry = {
          visits: done.length,
          errors: visits.filter((visit) => visit.error).map((visit) => visit.error),
          metrics: {},
          // How many visits fetched each file (and, on a first visit, asked for it before the banner showed).
          files: {},
        };
        for (const visit of done)
          for (const path of visit.files) {
            entry.files[path] ??= { fetched: 0, beforeBanner: 0 };
            entry.files[path].fetched += 1;
            if (visit.filesBeforeBanner?.includes(path)) entry.files[path].beforeBanner += 1;
          }
        if (kind === 'first') entry.blockedEveryVisit = done.every((visit) => visit.blockedBeforeConsent);
        else entry.bannerShownVisits = done.filter((visit) => visit.bannerShown).length;
        if (kind === 'policy') entry.tablesMissedVisits = done.filter((visit) => visit.tablesTakenOver === false).length;
        for (const metric of METRICS[kind]) entry.metrics[metric] = summarise(visits.map((visit) => visit[metric]));
        entry.ratios = {};
        if (lib.id !== primary && !lib.baseline)
          for (const metric of RATIO_METRICS[kind])
            entry.ratios[metric] = summarise(
              rounds.map((round) => round[primary][metric] / round[lib.id][metric]).filter((value) => value > 0 && Number.isFinite(value)),
            );
        results[kind][rate][lib.id] = entry;
      }
    }
  }
  return {
    date: new Date().toISOString(),
    machine: machine(),
    build,
    options: { rounds: ROUNDS, cpuRates: RATES, visits: KINDS, viewport: VIEWPORT, quietMs: QUIET_MS },
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    libraries: libraries.map(({ id, label, version, page, baseline, primary, tables }) => ({
      id,
      label,
      version,
      page: `bench/pages/${page}.html`,
      baseline: Boolean(baseline),
      primary: Boolean(primary),
      ours: id.startsWith('council-cookie-consent'),
      tables,
    })),
    fileSizes: fileSizesByPath,
    setup,
    checks,
    results,
    raw,
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
    builtAt: statSync(join(DIST, CORE)).mtime.toISOString(),
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
    // Other work on the machine shows up as noise: the load averages (1, 5, 15 minutes) around the run.
    loadAverage: { atStart: loadAtStart, atEnd: loadavg() },
  };
}

function renderReport(report) {
  const libs = report.libraries;
  const primary = libs.find((lib) => lib.primary).id;
  const libraryOf = (id) => libs.find((entry) => entry.id === id);
  const label = (id) => {
    const lib = libraryOf(id);
    return lib.version && !lib.ours ? `${lib.label} ${lib.version}` : lib.label;
  };
  const kinds = Object.keys(report.results);
  const firstRate = String(report.options.cpuRates[0]);
  const out = [];
  const m = report.machine;
  const load = (values) => (Array.isArray(values) ? values.map((value) => value.toFixed(1)).join(' / ') : values.toFixed(1));
  out.push(`# Consent libraries side by side (${report.date.slice(0, 10)})`);
  out.push('');
  out.push(
    `${m.cpuModel}, ${m.cpus} CPUs, ${m.memoryGB} GB; Chromium ${m.chromium}; Node ${m.node}; ${report.options.rounds} round${report.options.rounds === 1 ? '' : 's'} per CPU setting, libraries and visits interleaved; ${report.durationSeconds} s; load average (1 / 5 / 15 min) ${load(m.loadAverage.atStart)} at the start, ${load(m.loadAverage.atEnd)} at the end.`,
  );
  out.push(
    '',
    `council-cookie-consent measured from dist/ as built at ${report.build.builtAt.replace('T', ' ').slice(0, 16)} UTC, over commit ${report.build.commit ?? '?'}${report.build.uncommittedSourceChanges ? ' with uncommitted changes in src/' : ''}.`,
  );
  out.push('');

  // ---- targets
  out.push('## Where the targets stand');
  out.push('');
  out.push(
    table(['target', 'ours', 'compared with', 'ratio', 'status'], targetRows(report, { bytes, label }), [
      'left',
      'left',
      'left',
      'left',
      'left',
    ]),
  );
  out.push('');
  out.push(TARGETS_NOTE);
  out.push('');

  // ---- bytes
  out.push('## Bytes: what each visit fetched');
  out.push('');
  out.push(
    'Brotli (quality 11) of the library’s own JS and CSS files each visit fetched (the server’s request log), median over the visits at CPU ' +
      `${firstRate}×; “before banner”: the files the page asked for before the banner was first visible (Resource Timing). ` +
      'Set-up: the configuration the page carries (a set-up script, or our catalogue), brotli, the same on every visit.',
  );
  out.push('');
  const totalsRows = libs
    .filter((lib) => !lib.baseline)
    .map((lib) => {
      const cell = (kind, metric) => {
        const summary = report.results[kind]?.[firstRate]?.[lib.id]?.metrics[metric];
        return summary?.n ? bytes(summary.median) : '–';
      };
      const setupBytes = report.setup[lib.id]?.brotli;
      const before = report.results.first?.[firstRate]?.[lib.id]?.metrics.bytesBeforeBanner;
      return [
        label(lib.id),
        cell('first', 'bytesBeforeBanner'),
        bytes(setupBytes),
        before?.n ? bytes(before.median + setupBytes) : '–',
        cell('first', 'bytes'),
        cell('returning', 'bytes'),
        cell('policy', 'bytes'),
      ];
    });
  out.push(
    table(
      [
        'library',
        'first visit: code before banner B',
        'set-up B',
        'code before banner + set-up B',
        'first visit: all code B',
        'returning visit: code B',
        'policy page: code B',
      ],
      totalsRows,
      ['left'],
    ),
  );
  out.push('');
  out.push(`Per file (minified and brotli bytes as served; in how many visits at CPU ${firstRate}× each visit fetched it):`);
  out.push('');
  const fileRows = [];
  for (const lib of libs.filter((entry) => !entry.baseline)) {
    const paths = [...new Set(kinds.flatMap((kind) => Object.keys(report.results[kind]?.[firstRate]?.[lib.id]?.files ?? {})))];
    for (const [i, path] of paths.entries()) {
      const size = report.fileSizes[path];
      const usage = (kind) => {
        const entry = report.results[kind]?.[firstRate]?.[lib.id];
        if (!entry) return '–';
        const file = entry.files[path];
        if (!file) return 'no';
        const count = (n) => (n === entry.visits ? 'yes' : `${n}/${entry.visits}`);
        return kind === 'first'
          ? file.beforeBanner
            ? `${count(file.fetched)}, before banner${file.beforeBanner === file.fetched ? '' : ` in ${file.beforeBanner}`}`
            : `${count(file.fetched)}, after banner`
          : count(file.fetched);
      };
      fileRows.push([i ? '' : label(lib.id), path, bytes(size.raw), bytes(size.brotli), ...kinds.map(usage)]);
    }
  }
  out.push(
    table(
      [
        'library',
        'file',
        'minified B',
        'brotli B',
        ...kinds.map((kind) => ({ first: 'first visit', returning: 'returning visit', policy: 'policy page' })[kind]),
      ],
      fileRows,
      ['left', 'left', 'right', 'right', 'left', 'left', 'left'],
    ),
  );
  out.push('');

  // ---- timings
  for (const kind of kinds) {
    out.push(`## ${VISIT_TITLES[kind]}`);
    out.push('');
    for (const [rate, byId] of Object.entries(report.results[kind])) {
      out.push(
        `### CPU ${rate}× ${rate === '1' ? '(no throttling)' : '(DevTools CPU throttling)'}: median [interquartile range], ${report.options.rounds} visit${report.options.rounds === 1 ? '' : 's'} each`,
      );
      out.push('');
      const heapCell = (id, s) =>
        libraryOf(id).baseline
          ? `${kb(s.heap.median)} total`
          : spread({ ...s.heapAdded, median: s.heapAdded.median / 1024, q1: s.heapAdded.q1 / 1024, q3: s.heapAdded.q3 / 1024 }, 0);
      const common = (id, s) => [
        spread(s.scriptMs, 1),
        spread(s.longTasks, 1),
        s.longestTask.n ? `${s.longestTask.median.toFixed(0)} (max ${s.longestTask.max.toFixed(0)})` : '–',
        s.cls.n ? `${s.cls.median.toFixed(3)} (max ${s.cls.max.toFixed(3)})` : '–',
        heapCell(id, s),
      ];
      const COMMON_HEADERS = ['script ms', 'long tasks', 'longest task ms', 'CLS', 'JS heap added KB'];
      const anyFailed = Object.values(byId).some((entry) => entry.errors.length);
      const columns =
        kind === 'first'
          ? {
              headers: ['library', 'first paint ms', 'banner visible ms', 'banner settled ms', ...COMMON_HEADERS, 'accept → script ms'],
              row: (id, s) => [
                label(id),
                spread(s.fcp),
                spread(s.bannerAt),
                spread(s.bannerSettledAt),
                ...common(id, s),
                spread(s.acceptToScript, 1),
              ],
            }
          : {
              headers: [
                'library',
                'first paint ms',
                'granted script runs at ms',
                ...(kind === 'policy' ? ['tables taken over at ms'] : []),
                ...COMMON_HEADERS,
                'banner shown',
              ],
              row: (id, s, entry) => [
                label(id),
                spread(s.fcp),
                spread(s.standInAt),
                ...(kind === 'policy'
                  ? [
                      entry.tablesMissedVisits
                        ? `${entry.tablesMissedVisits === entry.visits ? 'never' : `${spread(s.tablesAt)}; never in ${entry.tablesMissedVisits}`}`
                        : spread(s.tablesAt),
                    ]
                  : []),
                ...common(id, s),
                libraryOf(id).baseline ? '–' : entry.bannerShownVisits ? `in ${entry.bannerShownVisits} visits` : 'never',
              ],
            };
      const rows = Object.entries(byId).map(([id, entry]) => [
        ...columns.row(id, entry.metrics, entry),
        ...(anyFailed ? [String(entry.errors.length)] : []),
      ]);
      out.push(table([...columns.headers, ...(anyFailed ? ['failed visits'] : [])], rows, ['left']));
      out.push('');
      const ratioNames = {
        bytes: 'code fetched',
        bytesBeforeBanner: 'code before banner',
        bannerAt: 'banner visible',
        bannerSettledAt: 'banner settled',
        standInAt: 'granted script runs',
        scriptMs: 'script time',
        heapAdded: 'JS heap added',
        acceptToScript: 'accept → script',
      };
      const ratioMetrics = RATIO_METRICS[kind];
      const ratioRows = Object.entries(byId)
        .filter(([id]) => id !== primary && !libraryOf(id).baseline)
        .map(([id, entry]) => [label(id), ...ratioMetrics.map((metric) => spread(entry.ratios[metric], 2))]);
      out.push(`Ours (${label(primary)}) ÷ each, per round, CPU ${rate}× — median [IQR]; below 1 means ours is smaller or faster:`);
      out.push('');
      out.push(table(['compared with', ...ratioMetrics.map((metric) => ratioNames[metric])], ratioRows, ['left']));
      out.push('');
      const errors = Object.entries(byId).flatMap(([id, entry]) => [...new Set(entry.errors)].map((error) => `- ${label(id)}: ${error}`));
      if (errors.length) out.push('Failed visits:', ...errors, '');
    }
  }

  // ---- checks
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
        'returning visit: runs it, no banner',
        'policy page: tables taken over',
        'stored choice (what the returning visits start with)',
        'verdict',
      ],
      Object.entries(report.checks).map(([id, check]) => [
        label(id),
        check.blocksBeforeConsent ? 'yes' : 'NO',
        check.staysBlockedAfterReject ? 'yes' : 'NO',
        check.runsOnAccept && check.cookiesAfterAccept.length === ANALYTICS.length ? 'yes' : 'NO',
        check.deletesOnWithdraw,
        check.acceptWorksAtFirstSight ? 'yes' : 'NO',
        check.returningRunsGranted && check.returningShowsNoBanner ? 'yes' : 'NO',
        check.tablesTakeOver === undefined ? '–' : check.tablesTakeOver ? 'yes' : 'NO',
        check.storedChoice
          ? [
              ...check.storedChoice.cookies
                .filter((cookie) => !ANALYTICS.includes(cookie.split('@')[0]))
                .map((cookie) => `cookie ${cookie}`),
              ...check.storedChoice.localStorage.map((name) => `localStorage ${name}`),
            ].join(', ')
          : '–',
        [check.doesLess.length ? `DOES LESS: ${check.doesLess.join('; ')}` : 'ok', ...check.notes].join('; '),
      ]),
      ['left', 'left', 'left', 'left', 'left', 'left', 'left', 'left', 'left', 'left'],
    ),
  );
  out.push('');
  out.push(
    'Every visit uses a fresh profile with an empty cache. A returning visit and a policy page start from the profile an “accept” left in the checks ' +
      '(its cookies and local storage, as Playwright’s storageState saves them: the library’s consent record and the _ga, _gid, _gat the stand-in set), ' +
      'so the stand-in analytics script is granted and runs; the probe does not poll for a banner on these visits (so it costs nothing there), and “banner shown” says whether one was on screen at the end. ' +
      'Banner visible: first frame in which the banner is on screen (any opacity), polled once per animation frame (≈16.7 ms steps). ' +
      'Settled: first frame from which it is fully opaque and no longer moving. Granted script runs at: when the stand-in analytics script starts, from navigation. ' +
      'Tables taken over: when each <cookie-table> has the catalogue and has rendered (the pasted static tables are on screen from the first paint on every page); “never”: not within 2 s (× the CPU slow-down) of the granted script running. ' +
      'Script ms: Chromium main-thread script time (Performance.getMetrics ScriptDuration) from navigation to the banner settling (first visit) or the granted script running (and the tables) + 0.5 s. ' +
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
    if (newest(join(ROOT, 'src')) > statSync(join(DIST, CORE)).mtimeMs)
      progress('warning: src/ has changed since dist/ was built; run `npm run build` to benchmark the current code.');
  } catch {
    // no src/ (an installed package): nothing to compare
  }
}
