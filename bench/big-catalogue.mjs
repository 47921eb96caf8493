#!/usr/bin/env node
// A council catalogue far bigger than any real one, to show nothing freezes the page:
//
//   node bench/big-catalogue.mjs [--cookies 100000] [--dist dist] [--runs 3]
//
// A page with the catalogue inline (every tenth cookie a glob), the script-tag build and a
// <cookie-table> of every category. It reports when `ready` resolved, then the time from
// rejectAll() and from acceptAll() to the next frame: the main thread is blocked that long.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from './lib/browser.mjs';
import { ROOT, startServer } from './lib/server.mjs';
import { summarise } from './lib/stats.mjs';

const { values: options } = parseArgs({
  options: {
    cookies: { type: 'string', default: '100000' },
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '3' },
  },
});
const COUNT = Number(options.cookies);
const catalog = JSON.parse(readFileSync(join(ROOT, 'cookie-catalogs/tunbridge-wells.json'), 'utf8'));
delete catalog.$schema;
catalog.categories[1].cookies = Array.from({ length: COUNT }, (_, i) => ({
  name: i % 10 === 9 ? `svc${i}_*` : `cookie_${i}`,
  purpose: `Cookie ${i} helps us count visits.`,
  expires: 'P1Y',
}));
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Big catalogue</title>
<script type="application/json" id="cookie-catalog">${JSON.stringify(catalog).replace(/</g, '\\u003c')}</script>
<script src="/dist/council-cookie-consent.iife.js" data-catalog="#cookie-catalog" defer></script></head>
<body><main><h1>Cookies</h1><cookie-table></cookie-table></main></body></html>`;
// The core and the parts it fetches (the table needs the details part), all from the same build.
const server = await startServer({
  '/big.html': page,
  ...Object.fromEntries(
    ['iife', 'banner', 'details', 'cy'].map((part) => [
      `/dist/council-cookie-consent.${part}.js`,
      readFileSync(join(resolve(options.dist), `council-cookie-consent.${part}.js`)),
    ]),
  ),
});
const { browser, origin } = await launch(server.port);
const results = { ready: [], rejectAll: [], acceptAll: [] };
try {
  for (let run = 0; run < Number(options.runs); run++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    tab.setDefaultTimeout(300000);
    const start = Date.now();
    await tab.goto(`${origin}/big.html`);
    await tab.evaluate(() => window.CookieConsent.ready);
    await tab.waitForFunction(() => document.querySelector('cookie-table')?.shadowRoot?.querySelectorAll('tr').length > 1);
    results.ready.push(Date.now() - start);
    for (const action of ['rejectAll', 'acceptAll'])
      results[action].push(
        await tab.evaluate(
          (name) =>
            new Promise((done) => {
              const before = performance.now();
              window.CookieConsent[name]();
              requestAnimationFrame(() => done(performance.now() - before));
            }),
          action,
        ),
      );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const line = (name, values) => {
  const { median, min, max } = summarise(values);
  return `${name.padEnd(34)} median ${median.toFixed(0).padStart(6)} ms   (min ${min.toFixed(0)}, max ${max.toFixed(0)})`;
};
console.log(`${COUNT.toLocaleString('en-GB')} cookies, ${options.dist}/, ${options.runs} runs`);
console.log(line('page load to table rendered', results.ready));
console.log(line('rejectAll() to next frame', results.rejectAll));
console.log(line('acceptAll() to next frame', results.acceptAll));
