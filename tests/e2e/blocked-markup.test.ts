import { readFileSync } from 'node:fs';
import type { Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import { banner, consentReady, cookieNames, demoSession, freshPage, releaseLog } from '../support/e2e.js';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

/**
 * Blocked markup is not a way to run script: a refusal stops what is still downloading,
 * only the page's own (nonce'd) markup is released, iframes get only http(s) or relative
 * addresses, and placeholders fit and offer only what can be granted.
 */
const withVideo: Catalog = {
  ...tunbridgeWells(),
  categories: [
    ...tunbridgeWells().categories,
    { id: 'video', title: 'Video cookies (optional)', description: 'Videos from YouTube.', cookies: [] },
  ],
};
const keighley = JSON.parse(readFileSync('cookie-catalogs/keighley.json', 'utf8'));
const push = (entry: string) => `(window.releaseLog ??= []).push('${entry}')`;
const NONCE = 'c2VjcmV0LW5vbmNlLTEyMw==';
const SLOW_MS = 1500;
let slowServed = 0;

const page = ({ catalog = '/catalog.json', head = '', body = '', nonce = '' }) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blocked markup</title>${head}
<script src="/dist/council-cookie-consent.iife.js" data-catalog="${catalog}" defer${nonce ? ` nonce="${nonce}"` : ''}></script></head>
<body><main><h1>Blocked markup</h1>${body}</main></body></html>`;

const demo = demoSession({
  '/catalog.json': json(tunbridgeWells()),
  '/video.json': json(withVideo),
  '/keighley.json': json(keighley),
  '/slow-analytics.js': {
    body: () => {
      slowServed += 1;
      return readFileSync('demo/stand-in-analytics.js', 'utf8');
    },
    type: 'text/javascript',
    delayMs: SLOW_MS,
  },
  '/gadget.js': { body: push('gadget-external'), type: 'text/javascript' },
  '/barrier.js': { body: push('barrier'), type: 'text/javascript' },
  '/embed.html': html('<!doctype html><title>Embedded</title><p>The embedded page</p>'),
  '/own-src.html': html('<!doctype html><title>Own src</title><p>Loaded by the markup’s own src</p>'),
  '/download.html': html(
    page({
      body: `<script type="text/plain" data-cookie-category="analytics" src="/slow-analytics.js" data-cookies='[{"name":"_ga","maxAge":63072000}]'></script>
<script type="text/plain" data-cookie-category="analytics">${push('inline-after-analytics')}</script>`,
    }),
  ),
  '/strict-dynamic.html': {
    ...html(
      page({
        nonce: NONCE,
        body: `<script type="text/plain" data-cookie-category="analytics" nonce="${NONCE}">${push('ours')}</script>
<script type="text/plain" data-cookie-category="analytics">${push('injected-inline')}</script>
<script type="text/plain" data-cookie-category="analytics" nonce="guessed">${push('guessed-nonce')}</script>
<script type="text/plain" data-cookie-category="analytics" src="/gadget.js"></script>`,
      }),
    ),
    headers: { 'content-security-policy': `script-src 'nonce-${NONCE}' 'strict-dynamic'; object-src 'none'; base-uri 'none'` },
  },
  '/gadgets.html': html(
    testPage({
      body: `<script type="text/plain" data-cookie-category="analytics" src="/gadget.js" onload="${push('onload-handler')}"></script>
<script type="text/plain" data-cookie-category="essential">${push('essential')}</script>
<script type="text/plain" data-cookie-category="marketing">${push('marketing')}</script>`,
    }),
  ),
  '/iframes.html': html(
    page({
      catalog: '/video.json',
      head: `<script>addEventListener('message', (event) => ${push('message')})</script>`,
      body: `<iframe data-cookie-category="video" data-provider="A" data-src="javascript:parent.releaseLog.push('javascript-url')" title="a"></iframe>
<iframe data-cookie-category="video" data-provider="B" data-src="data:text/html,<script>parent.postMessage('data-url', '*')</script>" title="b"></iframe>
<iframe data-cookie-category="video" data-provider="C" data-src="/embed.html" srcdoc="<p>The markup’s own srcdoc</p>" title="c"></iframe>
<iframe data-cookie-category="video" data-provider="D" data-src="/embed.html" src="/own-src.html" title="d"></iframe>`,
    }),
  ),
  '/sizes.html': html(
    page({
      catalog: '/video.json',
      body: `<iframe data-cookie-category="video" data-provider="YouTube" data-src="/embed.html" width="280" height="60" title="280 by 60"></iframe><p class="after">Text after the 280 by 60 embed.</p>
<iframe data-cookie-category="video" data-provider="YouTube" data-src="/embed.html" width="300" height="80" title="300 by 80"></iframe><p class="after">Text after the 300 by 80 embed.</p>
<iframe data-cookie-category="video" data-provider="YouTube" data-src="/embed.html" width="100" height="20" title="100 by 20"></iframe><p class="after">Text after the 100 by 20 embed.</p>
<div style="width: 40em; max-width: 100%"><iframe data-cookie-category="video" data-provider="YouTube" data-src="/embed.html" width="50%" height="40" title="half by 40"></iframe><p class="after">Text after the half-width embed.</p></div>`,
    }),
  ),
  '/keighley.html': html(
    page({
      catalog: '/keighley.json',
      body: `<iframe data-cookie-category="video" data-provider="YouTube" data-src="/embed.html" width="560" height="315" title="Council meeting"></iframe>`,
    }),
  ),
});

const errors = (messages: { type: string; text: string }[]) =>
  messages.filter((m) => m.type === 'error' && m.text.startsWith('council-cookie-consent:')).map((m) => m.text);

/**
 * Adds an ordinary script that the browser runs only after every ordered script released
 * before it: once it has run, theirs was due, so a script that has not run by then never will.
 */
async function barrier(page: Page, nonce = '') {
  await page.evaluate((value) => {
    const script = document.createElement('script');
    script.async = false;
    script.nonce = value;
    script.src = '/barrier.js';
    document.body.append(script);
  }, nonce);
  await expect.poll(() => releaseLog(page)).toContain('barrier');
}

describe('a refusal during a download', () => {
  it('stops a released script that is still downloading: it never runs and sets nothing; consent given again runs it once', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    slowServed = 0;
    await page.goto(`${demo.origin}/download.html`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await page.evaluate(() => (window as unknown as { CookieConsent: { rejectAll(): void } }).CookieConsent.rejectAll());
    // The refusal came while the script was still on its way.
    expect(slowServed).toBe(0);
    await expect.poll(() => slowServed, { timeout: 10000 }).toBe(1);
    await barrier(page);
    expect(await releaseLog(page)).toEqual(['barrier']);
    expect(await cookieNames(context)).toEqual(['CookieControl']);

    await page.evaluate(() => (window as unknown as { CookieConsent: { acceptAll(): void } }).CookieConsent.acceptAll());
    await expect.poll(() => releaseLog(page), { timeout: 10000 }).toEqual(['barrier', 'stand-in-analytics', 'inline-after-analytics']);
    expect(await page.evaluate(() => (window as unknown as { standInAnalytics: { runs: number } }).standInAnalytics.runs)).toBe(1);
    expect(errors(messages)).toEqual([]);
    await context.close();
  });
});

describe('script gadgets', () => {
  it('under a nonce and strict-dynamic policy, releases only blocked scripts with the library’s nonce', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/strict-dynamic.html`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toContain('ours');
    await barrier(page, NONCE);
    expect(await releaseLog(page)).toEqual(['ours', 'barrier']);
    expect(errors(messages)).toEqual(
      Array(3).fill(
        'council-cookie-consent: <script data-cookie-category="analytics"> stays blocked: it lacks the nonce of the library’s script',
      ),
    );
    await context.close();
  });

  it('never copies on… handlers, and never runs "essential" or an undeclared category, saying so in the console', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/gadgets.html`);
    await consentReady(page);
    await expect.poll(() => errors(messages).length).toBe(2);
    expect(errors(messages).sort()).toEqual([
      'council-cookie-consent: <script data-cookie-category="essential"> stays blocked: no optional category has that name',
      'council-cookie-consent: <script data-cookie-category="marketing"> stays blocked: no optional category has that name',
    ]);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect.poll(() => releaseLog(page)).toContain('gadget-external');
    await barrier(page);
    expect(await releaseLog(page)).toEqual(['stand-in-analytics', 'inline-after-analytics', 'gadget-external', 'barrier']);
    expect(errors(messages)).toHaveLength(2);
    await context.close();
  });
});

describe('iframe sources', () => {
  it('never gives an iframe a javascript: or data: address, and takes away its own src and srcdoc until consent', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/iframes.html`);
    await expect.poll(() => page.locator('cookie-embed-placeholder').count()).toBe(4);
    const src = () => page.locator('iframe').evaluateAll((frames) => frames.map((frame) => frame.getAttribute('src')));
    const srcdoc = () => page.locator('iframe').evaluateAll((frames) => frames.map((frame) => frame.hasAttribute('srcdoc')));
    expect(await src()).toEqual([null, null, null, 'about:blank']);
    expect(await srcdoc()).toEqual([false, false, false, false]);

    await page.evaluate(() =>
      (window as unknown as { CookieConsent: { setConsent(answers: object): void } }).CookieConsent.setConsent({ video: true }),
    );
    await expect.poll(src).toEqual([null, null, '/embed.html', '/embed.html']);
    for (const title of ['c', 'd'])
      await expect.poll(() => page.frameLocator(`iframe[title="${title}"]`).locator('p').textContent()).toBe('The embedded page');
    expect(await releaseLog(page)).toEqual([]);
    expect(errors(messages)).toEqual(
      Array(2).fill('council-cookie-consent: <iframe data-cookie-category="video"> stays blocked: its data-src is not http(s) or relative'),
    );
    // The refused ones keep a placeholder with neither a button nor a link.
    const refused = page.locator('cookie-embed-placeholder').first();
    expect(await refused.getByRole('button').count()).toBe(0);
    expect(await refused.getByRole('link').count()).toBe(0);
    await context.close();
  });
});

/** Rectangles of each placeholder, its words and controls, and the paragraph after it. */
const layout = (page: Page) =>
  page.locator('cookie-embed-placeholder').evaluateAll((placeholders) =>
    placeholders.map((placeholder) => {
      const rect = (element: Element) => {
        const { top, bottom, left, right } = element.getBoundingClientRect();
        return { top, bottom, left, right };
      };
      const box = placeholder.shadowRoot!.querySelector('[part=placeholder]') as HTMLElement;
      const paragraph = placeholder.nextElementSibling!.nextElementSibling!;
      return {
        host: rect(placeholder),
        parts: Array.from(placeholder.shadowRoot!.querySelectorAll('p, button, a')).map(rect),
        overflows: box.scrollHeight > box.clientHeight || box.scrollWidth > box.clientWidth,
        after: rect(paragraph),
      };
    }),
  );

describe('placeholders that fit', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    // 400 % zoom of a 1280 × 1024 window.
    { width: 320, height: 256 },
  ])
    it(`at ${viewport.width} × ${viewport.height}: text and buttons of 280×60, 300×80, 100×20 and 50 %×40 embeds are never clipped nor over the page, and never move`, async () => {
      const { context, page } = await freshPage(demo.browser, { viewport });
      // Every size each placeholder is laid out at, from its first frame on.
      await page.addInitScript(() => {
        const sizes: number[][] = [];
        (window as unknown as { placeholderSizes: number[][] }).placeholderSizes = sizes;
        const resized = new ResizeObserver((entries) => {
          for (const entry of entries) {
            const index = [...document.querySelectorAll<Element>('cookie-embed-placeholder')].indexOf(entry.target);
            (sizes[index] ??= []).push(Math.round(entry.borderBoxSize[0].blockSize));
          }
        });
        new MutationObserver((mutations) => {
          for (const mutation of mutations)
            for (const node of mutation.addedNodes)
              if (node instanceof Element && node.localName === 'cookie-embed-placeholder') resized.observe(node);
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${demo.origin}/sizes.html`);
      await expect.poll(() => page.locator('cookie-embed-placeholder').count()).toBe(4);
      await page.evaluate(async () => {
        await document.fonts.ready;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      });
      const boxes = await layout(page);
      for (const { host, parts, overflows, after } of boxes) {
        expect(overflows).toBe(false);
        expect(parts.length).toBe(3);
        for (const part of parts) {
          expect(part.top).toBeGreaterThanOrEqual(host.top);
          expect(part.bottom).toBeLessThanOrEqual(host.bottom);
          expect(part.left).toBeGreaterThanOrEqual(host.left);
          expect(part.right).toBeLessThanOrEqual(host.right + 0.5);
        }
        expect(host.bottom).toBeLessThanOrEqual(after.top);
        expect(host.right).toBeLessThanOrEqual(viewport.width);
      }
      const sizes = await page.evaluate(() => (window as unknown as { placeholderSizes: number[][] }).placeholderSizes);
      expect(sizes.map((seen) => seen.length)).toEqual([1, 1, 1, 1]);
      // At their iframe's height where the words fit in it, taller only where they do not.
      expect(sizes.map(([height]) => height).every((height, i) => height >= [60, 80, 20, 40][i])).toBe(true);
      await context.close();
    });

  it('an embed whose category the catalogue does not declare (Keighley) stays blocked with a link and no button, and the console says why', async () => {
    const { context, page, messages } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/keighley.html`);
    const placeholder = page.locator('cookie-embed-placeholder');
    await expect.poll(() => placeholder.isVisible()).toBe(true);
    expect(await placeholder.getByRole('button').count()).toBe(0);
    expect(await placeholder.getByRole('link', { name: 'Open this content in a new page' }).getAttribute('href')).toBe('/embed.html');
    expect(await page.locator('iframe').getAttribute('src')).toBeNull();
    await expect
      .poll(() => errors(messages))
      .toEqual(['council-cookie-consent: <iframe data-cookie-category="video"> stays blocked: no optional category has that name']);
    expect(await page.locator('cookie-banner').count()).toBe(0);
    await context.close();
  });
});
