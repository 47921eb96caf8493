import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { banner, consentReady, cookieNames, demoSession, freshPage, releaseLog, WWW } from '../support/e2e.js';
import { html, json, tunbridgeWells } from '../support/test-pages.js';

/**
 * The versioned release files as a council uses them from a CDN: the core from another origin,
 * with `integrity` and `crossorigin` on its tag, fetching its versioned parts from the same
 * folder, each checked against the hash built into the core.
 */
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const { files: integrity } = JSON.parse(readFileSync('dist/integrity.json', 'utf8')) as { files: Record<string, string> };
const CDN = 'cdn.example-council.test';
const versioned = (part: string) => `council-cookie-consent-${version}.${part}.js`;
const PARTS = ['banner', 'details', 'cy'];

/** A CDN folder: the release files with CORS, as jsDelivr and unpkg serve them; `change` alters one file's bytes. */
function cdnFolder(folder: string, change: (name: string, body: string) => string = (_name, body) => body) {
  return Object.fromEntries(
    ['iife', ...PARTS].map((part) => [
      `/cdn/${folder}/${versioned(part)}`,
      {
        body: () => change(versioned(part), readFileSync(`dist/${versioned(part)}`, 'utf8')),
        type: 'text/javascript; charset=utf-8',
        headers: { 'access-control-allow-origin': '*' },
      },
    ]),
  );
}

/** A council page whose script tag points at the CDN's folder (same port, another host: another origin). */
const page = (folder: string, lang = 'en') => ({
  type: html('').type,
  body: (_url: URL, request: import('node:http').IncomingMessage) => {
    const cdnOrigin = `http://${String(request.headers.host).replace(WWW, CDN)}`;
    return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Release files</title>
<script src="${cdnOrigin}/cdn/${folder}/${versioned('iife')}" integrity="${integrity[versioned('iife')]}" crossorigin="anonymous" data-catalog="/catalog.json" defer></script>
</head><body><main><h1>Release files</h1>
<script type="text/plain" data-cookie-category="analytics">(window.releaseLog ??= []).push('analytics')</script>
<cookie-table category="analytics"></cookie-table></main></body></html>`;
  },
});

const routes = {
  '/catalog.json': json(tunbridgeWells()),
  ...cdnFolder('genuine'),
  // One part changed on the way (a compromised CDN or proxy): a line of script appended.
  ...cdnFolder('tampered', (name, body) => (name === versioned('banner') ? `${body}\nwindow.tampered = true;` : body)),
  '/genuine-cy.html': page('genuine', 'cy'),
  '/tampered.html': page('tampered'),
};
const demo = demoSession(routes);

describe('versioned release files with Subresource Integrity, from another origin', () => {
  it('the core loads its versioned parts from its own folder, each with its integrity hash and crossorigin', async () => {
    const { context, page: tab, messages, errors } = await freshPage(demo.browser);
    await tab.goto(`${demo.origin}/genuine-cy.html`);
    await consentReady(tab);
    await expect.poll(() => banner(tab).count()).toBe(1);
    await expect.poll(() => tab.locator('cookie-table table').count()).toBe(1);
    const parts = await tab.$$eval('script[src*="/cdn/"]', (scripts) =>
      (scripts as HTMLScriptElement[]).map((script) => ({
        file: script.src.replace(/^.*\//, ''),
        origin: new URL(script.src).hostname,
        integrity: script.integrity,
        crossOrigin: script.crossOrigin,
      })),
    );
    expect(parts.map((part) => part.file).sort()).toEqual(['iife', ...PARTS].map(versioned).sort());
    for (const part of parts) {
      expect(part.origin).toBe(CDN);
      expect(part.integrity, part.file).toBe(integrity[part.file]);
      expect(part.crossOrigin).toBe('anonymous');
    }
    // Granting through the banner the core's hash vouched for releases the blocked script.
    await banner(tab)
      .getByRole('button', { name: /^Derbyn/ })
      .click();
    await expect.poll(() => releaseLog(tab)).toEqual(['analytics']);
    expect(messages.filter((message) => message.type === 'error')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a part whose bytes changed is refused: it does not run, nothing optional runs, and the console says why', async () => {
    const { context, page: tab, messages, errors } = await freshPage(demo.browser);
    await tab.goto(`${demo.origin}/tampered.html`);
    const said = () =>
      messages.filter(
        (message) =>
          message.type === 'error' &&
          message.text.includes('council-cookie-consent') &&
          message.text.includes(versioned('banner')) &&
          message.text.includes('integrity hash') &&
          message.text.includes('nothing optional runs'),
      );
    await expect.poll(() => said().length).toBe(1);
    // The browser's own reason is there too.
    expect(messages.some((message) => /integrity/i.test(message.text) && message.text.includes(versioned('banner')))).toBe(true);
    expect(await tab.evaluate(() => (window as unknown as { tampered?: boolean }).tampered)).toBeUndefined();
    expect(await tab.locator('cookie-banner').count()).toBe(0);
    expect(await releaseLog(tab)).toEqual([]);
    expect(await tab.evaluate(() => window.CookieConsent?.hasConsent('analytics'))).toBe(false);
    expect(await cookieNames(context)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
