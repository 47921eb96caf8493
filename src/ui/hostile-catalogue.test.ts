import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import tunbridgeWells from '../../cookie-catalogs/tunbridge-wells.json';
import type { Catalog } from '../catalog/definition.js';
import { validateCatalog } from '../catalog/validate.js';
import { ConsentState } from '../consent/consent-state.js';
import { wordingFor } from '../wording/wording.js';
import { bannerPart } from './banner-part.js';
import { cookieTables } from './cookie-table/cookie-table-tree.js';
import { detailsPart } from './details-part.js';
import { toHtml } from './element-tree-html.js';

type Flagged = { xssRan?: string[] };
const PAYLOADS = [
  '<img src=x onerror="(window.xssRan ??= []).push(\'img\')">',
  '<script>(window.xssRan ??= []).push("script")</script>',
  '<svg onload="(window.xssRan ??= []).push(\'svg\')"><a xlink:href="javascript:alert(1)">x</a></svg>',
  '"><iframe srcdoc="<script>parent.xssRan=[1]</script>">',
  '{{constructor.constructor("(window.xssRan ??= []).push(\'template\')")()}}',
];
const payload = PAYLOADS.join(' ');

/** Every resident-facing field of a catalogue filled with markup that would run if treated as HTML. */
function hostileCatalog(): Catalog {
  const catalog = JSON.parse(JSON.stringify(tunbridgeWells)) as Catalog;
  catalog.site.name = payload;
  for (const category of catalog.categories) {
    category.title = { en: payload, cy: payload };
    category.description = payload;
    for (const cookie of category.cookies) {
      cookie.purpose = payload;
      cookie.label = payload;
      cookie.provider = payload;
      cookie.expiresText = payload;
    }
  }
  catalog.text = { en: { bannerEssential: payload, accept: `${payload} {noun}` } };
  return catalog;
}

const memory = { read: () => undefined, write: () => true, remove: () => undefined };

beforeAll(() => {
  bannerPart.define();
  detailsPart.define();
});
afterEach(() => document.body.replaceChildren());

describe('catalogue text is always text', () => {
  it('is still a valid catalogue (text may hold any characters)', () => {
    expect(validateCatalog(hostileCatalog()).problems).toBeUndefined();
  });

  it('never becomes markup in the banner, the dialog, the tables or an embed placeholder', async () => {
    const catalog = hostileCatalog();
    const consent = { catalog, state: new ConsentState(catalog, memory, false), showPreferences: () => undefined };
    const bannerElement = document.createElement('cookie-banner');
    const table = document.createElement('cookie-table');
    const dialog = document.createElement('cookie-preferences');
    const placeholder = document.createElement('cookie-embed-placeholder');
    placeholder.category = 'analytics';
    placeholder.provider = payload;
    placeholder.src = 'javascript:(window.xssRan ??= []).push("href")';
    for (const element of [bannerElement, table, dialog, placeholder]) element.consent = consent;
    document.body.append(bannerElement, table, dialog, placeholder);
    await Promise.all([bannerElement.updateComplete, table.updateComplete, dialog.updateComplete, placeholder.updateComplete]);
    await dialog.show();
    await new Promise((resolve) => setTimeout(resolve, 300));

    for (const element of [bannerElement, table, dialog, placeholder]) {
      const root = element.shadowRoot!;
      expect(root.querySelectorAll('img, script, svg, iframe').length).toBe(0);
      expect(root.textContent).toContain('<img src=x onerror=');
      for (const link of Array.from(root.querySelectorAll('a'))) expect(link.getAttribute('href')).not.toMatch(/^\s*javascript:/i);
    }
    // The placeholder offers no link to a javascript: URL at all.
    expect(placeholder.shadowRoot!.querySelector('a')).toBeNull();
    expect((window as unknown as Flagged).xssRan).toBeUndefined();
  });

  it('is escaped in the static HTML the tables command prints', () => {
    const catalog = hostileCatalog();
    const html = cookieTables(catalog, 'en', wordingFor(catalog, 'en'))
      .map((tree) => toHtml(tree))
      .join('\n');
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    expect(parsed.querySelectorAll('img, script, svg, iframe').length).toBe(0);
    expect(html).not.toContain('<img');
    expect(parsed.body.textContent).toContain('<script>(window.xssRan ??= []).push("script")</script>');
  });
});
