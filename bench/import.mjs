#!/usr/bin/env node
// How long `import` takes as its input grows, run as a council would run it (the built CLI,
// dist/cli.js, one process per import, draft to stdout):
//
//   node bench/import.mjs [--runs 3] [--json]
//
// - cookie tables of 10,000, 40,000, 100,000 and 200,000 rows, as a pipe table in text and as
//   an HTML table;
// - pages of 1 MB and 20 MB (HTML: a policy page's prose and tables, repeated);
// - HTML nested 10,000 and 100,000 deep around a cookie table.
// Each figure is the median wall time over --runs processes. Growth is judged by the slope of
// log(time) against log(rows) over each series (least squares): 1 is linear, 2 quadratic.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { summarise, table } from './lib/stats.mjs';

const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '3' }, json: { type: 'boolean', default: false } } });
const RUNS = Number(options.runs);
const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));

const pipeTable = (rows) => {
  const lines = ['# Functional cookies', '', '| Name | Purpose | Expires |', '|---|---|---|'];
  for (let i = 0; i < rows; i++)
    lines.push(`| council_pref_${i} | Remembers setting ${i} you chose on this website | ${1 + (i % 11)} months |`);
  return lines.join('\n');
};
const htmlTable = (rows) => {
  const parts = ['<!doctype html><html><head><title>Cookies | Benchmark Borough Council</title></head><body><main>'];
  parts.push('<h2>Functional cookies</h2><p>These cookies remember your choices.</p>');
  parts.push('<table><thead><tr><th>Cookie</th><th>What it does</th><th>Lasts for</th></tr></thead><tbody>');
  for (let i = 0; i < rows; i++)
    parts.push(`<tr><td>council_pref_${i}</td><td>Remembers setting ${i} you chose.</td><td>${1 + (i % 9)} days</td></tr>`);
  parts.push('</tbody></table></main></body></html>');
  return parts.join('\n');
};
/** A policy page of about `bytes`: prose, headings and a table per section, as council pages are. */
const policyPage = (bytes) => {
  const parts = ['<!doctype html><html><head><title>Cookies | Benchmark Borough Council</title></head><body><main><h1>Cookies</h1>'];
  let size = parts[0].length;
  for (let section = 0; size < bytes; section++) {
    const block = [
      `<h2>${['Strictly necessary', 'Analytics', 'Functional', 'Video'][section % 4]} cookies, part ${section}</h2>`,
      '<p>We use these cookies so the website works and so we can improve it. You can change your choice at any time on this page.</p>',
      '<table><tr><th>Name</th><th>Purpose</th><th>Expires</th></tr>',
      ...Array.from(
        { length: 20 },
        (_, i) => `<tr><td>site_${section}_${i}</td><td>Remembers choice ${i} in part ${section}.</td><td>${1 + (i % 12)} months</td></tr>`,
      ),
      '</table>',
    ].join('\n');
    parts.push(block);
    size += block.length;
  }
  parts.push('</main></body></html>');
  return parts.join('\n');
};
const deep = (depth) =>
  `${'<div>'.repeat(depth)}<table><tr><th>Name</th><th>Purpose</th><th>Expires</th></tr><tr><td>_ga</td><td>Counts visits.</td><td>2 years</td></tr></table>${'</div>'.repeat(depth)}`;

const cases = [
  ...[10_000, 40_000, 100_000, 200_000].map((rows) => ({
    series: 'text rows',
    rows,
    file: `rows-${rows}.md`,
    make: () => pipeTable(rows),
  })),
  ...[10_000, 40_000, 100_000, 200_000].map((rows) => ({
    series: 'HTML rows',
    rows,
    file: `rows-${rows}.html`,
    make: () => htmlTable(rows),
  })),
  { series: 'policy page', rows: undefined, file: 'page-1mb.html', make: () => policyPage(1024 * 1024) },
  { series: 'policy page', rows: undefined, file: 'page-20mb.html', make: () => policyPage(20 * 1024 * 1024) },
  ...[10_000, 100_000].map((depth) => ({ series: 'nesting', rows: depth, file: `deep-${depth}.html`, make: () => deep(depth) })),
];

function timeImport(file) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [CLI, 'import', file], { maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`import ${file} failed (${run.status}): ${run.stderr.split('\n').slice(-3).join(' ')}`);
  const summary = run.stderr.trim().split('\n').pop();
  return { seconds, summary };
}

const results = [];
for (const c of cases) {
  const path = join(dir, c.file);
  writeFileSync(path, c.make());
  const bytes = statSync(path).size;
  const times = [];
  let summary = '';
  for (let i = 0; i < RUNS; i++) {
    const run = timeImport(path);
    times.push(run.seconds);
    summary = run.summary;
  }
  const declared = Number(/(\d+) cookie\(s\) declared/.exec(summary)?.[1] ?? 0);
  results.push({ series: c.series, input: c.file, rows: c.rows, bytes, declared, seconds: summarise(times) });
  if (!options.json) process.stderr.write(`${c.file}: ${summarise(times).median.toFixed(2)} s\n`);
}
rmSync(dir, { recursive: true, force: true });

/** Least-squares slope of log(time) on log(size): 1 is linear. */
function slope(points) {
  const xs = points.map((p) => Math.log(p.rows));
  const ys = points.map((p) => Math.log(p.seconds.median));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  return xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0) / xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
}
const slopes = Object.fromEntries(['text rows', 'HTML rows'].map((series) => [series, slope(results.filter((r) => r.series === series))]));

if (options.json) {
  console.log(JSON.stringify({ node: process.version, cpus: cpus().length, load: loadavg()[0], runs: RUNS, results, slopes }, null, 2));
} else {
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  console.log(
    `import benchmark, ${commit}, Node ${process.version}, ${cpus().length} cores, load ${loadavg()[0].toFixed(2)}, median of ${RUNS}\n`,
  );
  console.log(
    table(
      ['input', 'size', 'rows or depth', 'cookies declared', 'time (s)', 's per MB'],
      results.map((r) => [
        r.input,
        `${(r.bytes / 1024 / 1024).toFixed(1)} MB`,
        r.rows?.toLocaleString('en-GB') ?? '',
        r.declared.toLocaleString('en-GB'),
        r.seconds.median.toFixed(2),
        (r.seconds.median / (r.bytes / 1024 / 1024)).toFixed(2),
      ]),
    ),
  );
  for (const [series, value] of Object.entries(slopes))
    console.log(`\n${series}: time grows as rows^${value.toFixed(2)} (1 is linear)${value > 1.2 ? ' — worse than linear' : ''}`);
}
