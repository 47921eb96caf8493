import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import { banner, cookieJar, demoSession, freshPage } from '../support/e2e.js';
import { html, json, testPage, tunbridgeWells } from '../support/test-pages.js';

const base = tunbridgeWells();
const declaredPath: Catalog = {
  ...base,
  categories: [
    base.categories[0],
    {
      ...base.categories[1],
      cookies: [...base.categories[1].cookies, { name: 'reports', purpose: 'Report builder state', expires: 'P1D', path: '/reports/' }],
    },
  ],
};
const demo = demoSession({
  '/catalog.json': json(base),
  '/declared.json': json(declaredPath),
  '/p/page.html': html(
    testPage({
      body: `<script type="text/plain" data-cookie-category="analytics" src="/demo/stand-in-analytics.js" data-cookies='[{"name":"_gid","maxAge":86400,"path":"/p/page.html"},{"name":"_gat","maxAge":60,"path":"/p/"}]'></script>`,
    }),
  ),
  '/declared.html': html(testPage({ catalog: '/declared.json' })),
});

describe('refused cookies are deleted on the paths they were really set on', () => {
  it('_ga on /, _gid on /p/page.html and _gat on /p/, host and parent domain: all gone after a refusal', async () => {
    const { context, page } = await freshPage(demo.browser);
    await page.goto(`${demo.origin}/p/page.html`);
    await banner(page).getByRole('button', { name: 'Accept analytics cookies' }).click();
    await expect
      .poll(async () => (await cookieJar(context)).map((c) => `${c.name} ${c.path}`).sort())
      .toEqual(expect.arrayContaining(['_ga /', '_gat /p/', '_gid /p/page.html']));
    await page.evaluate(() => (window as unknown as { CookieConsent: { rejectAll(): void } }).CookieConsent.rejectAll());
    expect((await cookieJar(context)).map((c) => c.name)).toEqual(['CookieControl']);
    await context.close();
  });

  it('a cookie on a path the catalogue declares is deleted from pages that cannot see it', async () => {
    const { context, page } = await freshPage(demo.browser);
    await context.addCookies([{ name: 'reports', value: '1', domain: '.example-council.test', path: '/reports/' }]);
    await page.goto(`${demo.origin}/declared.html`);
    await banner(page).getByRole('button', { name: 'Reject analytics cookies' }).click();
    expect((await cookieJar(context)).map((c) => c.name)).toEqual(['CookieControl']);
    await context.close();
  });
});
