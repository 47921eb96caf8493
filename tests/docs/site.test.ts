import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import type { Frame, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { buildSite, editorBuilt } from '../../build/docs/build-site.js';
import { ELEMENTS, PAGES } from '../../build/docs/site-map.js';
import { demoSession, freshPage } from '../support/e2e.js';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

/**
 * The documentation site, built here from the repository as `npm run docs` builds it (the live
 * examples' bundle and stylesheets come from that build, in dist/docs/assets).
 */
const site = new Map(
  buildSite(process.cwd(), { editorBuilt: editorBuilt('dist/docs') }).map((file) => [file.path, file.content.toString()]),
);
const assets = readdirSync('dist/docs/assets').map((name) => `assets/${name}`);

function elementsOf(node: Node): Element[] {
  const children = 'childNodes' in node ? node.childNodes : [];
  const content = 'content' in node ? [(node as unknown as { content: Node }).content] : [];
  return [...children, ...content].flatMap((child) => ('tagName' in child ? [child as Element, ...elementsOf(child)] : elementsOf(child)));
}
const attribute = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const parsed = new Map([...site].filter(([path]) => path.endsWith('.html')).map(([path, html]) => [path, elementsOf(parse(html))]));

describe('the documentation site builds', () => {
  it('lists every Markdown page of docs/ in its site map (and so in its navigation)', () => {
    const listed = PAGES.flatMap((page) => (page.kind === 'markdown' ? [page.source] : []));
    for (const file of readdirSync('docs').filter((name) => name.endsWith('.md'))) expect(listed, `docs/${file}`).toContain(`docs/${file}`);
  });

  it('has a page for every entry of the site map, and for every element', () => {
    // An external page is the site's stand-in until its own build step writes it (the editor's does, in dist/docs).
    for (const page of PAGES)
      if (page.kind === 'external')
        expect(site.has(`${page.output}index.html`) || existsSync(`dist/docs/${page.output}index.html`), page.output).toBe(true);
      else expect(site.has(page.output), page.output).toBe(true);
    for (const tag of ELEMENTS) expect(site.has(`${tag}.html`), tag).toBe(true);
  });

  it.each(PAGES.filter((page) => page.kind !== 'external').map((page) => [page.output]))(
    '%s: a language, a title, a skip link to the main landmark, one level-one heading, and the navigation to every page',
    (path) => {
      const elements = parsed.get(path)!;
      const named = (tag: string) => elements.filter((element) => element.tagName === tag);
      expect(attribute(named('html')[0], 'lang')).toBe('en-GB');
      expect(named('title')[0]?.childNodes.length).toBe(1);
      expect(attribute(named('a')[0], 'href')).toBe('#main');
      expect(named('main').map((main) => attribute(main, 'id'))).toEqual(['main']);
      expect(named('h1')).toHaveLength(1);
      const nav = named('nav').find((element) => attribute(element, 'aria-label') === 'Documentation')!;
      const links = elementsOf(nav).filter((element) => element.tagName === 'a');
      expect(links.map((link) => attribute(link, 'href'))).toEqual(PAGES.map((page) => page.output));
      expect(links.filter((link) => attribute(link, 'aria-current') === 'page')).toHaveLength(1);
    },
  );

  it('resolves every link, stylesheet, script and frame between its pages, #anchors included', () => {
    const ids = new Map(
      [...parsed].map(([path, elements]) => [path, new Set(elements.map((element) => attribute(element, 'id')).filter(Boolean))]),
    );
    const broken: string[] = [];
    let checked = 0;
    for (const [path, elements] of parsed)
      for (const element of elements) {
        const address = attribute(element, 'href') ?? attribute(element, 'src');
        if (!address || /^[a-z][a-z0-9+.-]*:/i.test(address)) continue;
        checked++;
        const [target, fragment] = address.split('#');
        let file = target ? posix.normalize(posix.join(posix.dirname(path), target.split('?')[0])) : path;
        if (file.endsWith('/')) file += 'index.html';
        // The bundle and stylesheets come from npm run docs, the editor from its own build step.
        const builtElsewhere = assets.includes(file) || (file.startsWith('editor/') && existsSync(`dist/docs/${file}`));
        if (!site.has(file) && !builtElsewhere) broken.push(`${path}: ${address} (no ${file})`);
        else if (fragment && ids.has(file) && !ids.get(file)?.has(fragment))
          broken.push(`${path}: ${address} (no id "${fragment}" in ${file})`);
      }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('is what dist/docs holds (npm run docs wrote it from the same sources)', () => {
    for (const [path, content] of site)
      expect(existsSync(`dist/docs/${path}`) && readFileSync(`dist/docs/${path}`, 'utf8') === content, path).toBe(true);
  });
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe-core's WCAG 2.2 AA violations in a page or frame, as "rule: targets" lines. */
async function axeViolations(frame: Page | Frame, { component = false } = {}): Promise<string[]> {
  await frame.evaluate(axeSource);
  return frame.evaluate(
    async ({ tags, component }) => {
      const axe = (
        window as unknown as {
          axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
        }
      ).axe;
      const { violations } = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        iframes: false,
        // A frame holds one element, not a page: no level-one heading or landmarks of its own to find.
        ...(component ? { rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false } } } : {}),
      });
      return violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
    },
    { tags: WCAG_AA, component },
  );
}

describe('the documentation site, served by npm start', () => {
  const demo = demoSession();

  it('serves the site at /docs/, with the catalogue editor at /docs/editor/', async () => {
    for (const path of ['/docs/', '/docs/cookie-table.html', '/docs/editor/', '/docs/assets/docs-site.js']) {
      const response = await fetch(`http://localhost:${demo.server.port}${path}`);
      expect(response.status, path).toBe(200);
    }
    const redirect = await fetch(`http://localhost:${demo.server.port}/docs`, { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe('/docs/');
    expect((await fetch(`http://localhost:${demo.server.port}/docs/../package.json`)).status).toBe(404);
  });

  describe.each(ELEMENTS)('%s.html', (tag) => {
    it('mounts every live example, the real element, and axe-core finds nothing in the page or its examples', async () => {
      const { context, page, errors, messages } = await freshPage(demo.browser, { viewport: { width: 1280, height: 900 } });
      await page.goto(`${demo.origin}/docs/${tag}.html`);
      const frames = page.locator('iframe.example-frame');
      const count = await frames.count();
      expect(count).toBeGreaterThan(1);
      const violations: string[] = await axeViolations(page);
      for (let index = 0; index < count; index++) {
        const handle = await frames.nth(index).elementHandle();
        const frame = (await handle!.contentFrame())!;
        await frame.waitForSelector('body[data-mounted]');
        // The real element, drawn in its shadow root.
        expect(await frame.evaluate((name) => (document.querySelector(name)?.shadowRoot?.childElementCount ?? 0) > 0, tag)).toBe(true);
        if (tag === 'cookie-preferences') {
          await frame.getByRole('button', { name: /cookie settings|gosodiadau cwcis/i }).click();
          await frame.getByRole('dialog').waitFor();
        } else await expect.poll(async () => (await handle!.boundingBox())?.height ?? 0).toBeGreaterThan(60);
        violations.push(...(await axeViolations(frame, { component: true })).map((line) => `example ${index + 1}: ${line}`));
      }
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      expect(messages.filter((message) => message.type === 'error')).toEqual([]);
      await context.close();
    });
  });

  it.each(PAGES.filter((page) => page.kind !== 'generated' || page.generator !== 'element').map((page) => [page.output]))(
    'axe-core finds nothing on %s',
    async (path) => {
      const { context, page } = await freshPage(demo.browser);
      await page.goto(`${demo.origin}/docs/${path}`);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    },
  );
});
