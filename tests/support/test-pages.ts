import { readFileSync } from 'node:fs';
import type { Catalog } from '../../src/catalog/definition.js';

export const tunbridgeWells = (): Catalog => JSON.parse(readFileSync('cookie-catalogs/tunbridge-wells.json', 'utf8'));

/**
 * A test page: the script-tag build pointed at `catalog` (a URL or #id), a blocked inline
 * script and a blocked stand-in analytics script for analytics, and whatever `body` adds.
 */
export function testPage({ catalog = '/catalog.json', head = '', body = '', lang = 'en' } = {}): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Test page</title>${head}
<script src="/dist/council-cookie-consent.iife.js" data-catalog="${catalog}" defer></script></head>
<body><main><h1>Test page</h1><p><a href="#">A link</a></p>
<script type="text/plain" data-cookie-category="analytics" src="/demo/stand-in-analytics.js" data-cookies='[{"name":"_ga","maxAge":63072000},{"name":"_gid","maxAge":86400}]'></script>
<script type="text/plain" data-cookie-category="analytics">(window.releaseLog ??= []).push('inline-after-analytics')</script>
${body}
<script>window.pageScriptsRan = true;</script></main></body></html>`;
}

export const json = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json' });
export const html = (body: string) => ({ body, type: 'text/html; charset=utf-8' });
