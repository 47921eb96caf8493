import MarkdownIt from 'markdown-it';
import type { ElementExample } from '../../src/ui/examples/element-example.js';
import { escapeHtml } from './html.js';

/** What custom-elements.json says of an element (the parts the pages show). */
export interface ElementDeclaration {
  tagName: string;
  name: string;
  summary?: string;
  description?: string;
  attributes?: { name: string; fieldName?: string; description?: string; type?: { text: string } }[];
  members?: {
    kind: 'field' | 'method';
    name: string;
    privacy?: string;
    static?: boolean;
    description?: string;
    type?: { text: string };
    return?: { type?: { text: string } };
    parameters?: { name: string; type?: { text: string }; optional?: boolean; default?: string }[];
  }[];
  events?: { name: string; description?: string; type?: { text: string } }[];
  slots?: { name: string; description?: string }[];
  cssParts?: { name: string; description?: string }[];
  cssProperties?: { name: string; description?: string }[];
}

export interface Manifest {
  modules: { declarations?: (ElementDeclaration & { tagName?: string })[] }[];
}

/** The elements the manifest documents, by tag. */
export function elementsOf(manifest: Manifest): Map<string, ElementDeclaration> {
  return new Map(
    manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.tagName)
      .map((declaration) => [declaration.tagName, declaration]),
  );
}

/** JSDoc text is Markdown written by us, but never markup: `<dialog>` outside backticks stays text. */
const jsdoc = new MarkdownIt({ html: false });
const prose = (text = '') => jsdoc.render(text);
const inline = (text = '') => jsdoc.renderInline(text.replace(/\s*\n\s*/g, ' '));
const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

/** Public API only: not `#private`, TypeScript `private` or `protected`, nor static. */
const isPublic = (member: { name: string; privacy?: string; static?: boolean }) =>
  !member.name.startsWith('#') && member.privacy !== 'private' && member.privacy !== 'protected' && !member.static;

function table(caption: string, headers: string[], rows: string[][], empty: string): string {
  if (!rows.length) return `<p>${empty}</p>`;
  return `<table>
<caption class="visually-hidden">${escapeHtml(caption)}</caption>
<thead><tr>${headers.map((header) => `<th scope="col">${header}</th>`).join('')}</tr></thead>
<tbody>
${rows.map(([first, ...rest]) => `<tr><th scope="row">${first}</th>${rest.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

/** How a council puts the element on a page, in the words and markup of the examples. */
function markupFor(tag: string, example: ElementExample): string | undefined {
  const attributes = example.attributes ?? {};
  const lang = example.lang ? ` lang="${example.lang}"` : '';
  if (tag === 'cookie-table') {
    const own = Object.entries(attributes).map(([name, value]) => ` ${name}="${value}"`);
    return `<cookie-table${own.join('')}${lang}></cookie-table>`;
  }
  if (tag === 'cookie-embed-placeholder') {
    const provider = attributes.provider ? ` data-provider="${attributes.provider}"` : '';
    return `<iframe data-cookie-category="${attributes.category}"${provider} data-src="${attributes.src}"${lang} width="560" height="315" title="Full council meeting"></iframe>`;
  }
  return undefined;
}

function exampleSection(tag: string, example: ElementExample): string {
  const id = `example-${example.name}`;
  const title = example.name.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());
  const stored = example.stored
    ? `Stored choice: ${Object.entries(example.stored)
        .map(([category, granted]) => `${category} ${granted ? 'accepted' : 'refused'}`)
        .join(', ')}.`
    : 'Nobody has chosen yet.';
  const setting = [
    stored,
    example.gpc ? 'The browser sends Global Privacy Control.' : '',
    example.lang ? `Language: ${code(example.lang)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const markup = markupFor(tag, example);
  const frameTitle = `Live example of <${tag}>: ${title}`;
  return `<section class="example" aria-labelledby="${id}">
<h3 id="${id}">${escapeHtml(title)}</h3>
<p>${inline(example.description)}</p>
<p class="example-setting">${setting} Catalogue: ${escapeHtml(example.catalog.site.name)}.</p>
<iframe class="example-frame example-frame--${tag}" src="example.html?element=${tag}&amp;example=${encodeURIComponent(example.name)}" title="${escapeHtml(frameTitle)}"></iframe>
${markup ? `<p>The markup:</p>\n<pre tabindex="0"><code class="language-html">${escapeHtml(markup)}</code></pre>` : ''}
</section>`;
}

/** What an element's page adds before its examples, where its examples need a word of explanation. */
const BEFORE_EXAMPLES: Record<string, string> = {
  'cookie-preferences':
    '<p>In the examples, press “Open cookie settings”: on a site, any element with <code>data-cookie-settings</code> opens the dialog the same way.</p>',
};

/**
 * An element's page: what it is, live examples (the real element, mounted from its own
 * `x.examples.ts` in a frame by the docs bundle), and its reference from custom-elements.json —
 * attributes, properties, methods, events, slots, CSS parts and custom properties.
 */
export function elementPage(declaration: ElementDeclaration, examples: ElementExample[]): { title: string; html: string } {
  const tag = declaration.tagName;
  const members = (declaration.members ?? []).filter(isPublic);
  const fields = members.filter((member) => member.kind === 'field');
  const methods = members.filter((member) => member.kind === 'method');
  const attributes = (declaration.attributes ?? []).filter((attribute) => {
    const field = declaration.members?.find((member) => member.name === (attribute.fieldName ?? attribute.name));
    return !field || isPublic(field);
  });
  const shown = examples.filter((example) => !example.hidden);
  const title = `<${tag}>`;
  const html = `<h1>${escapeHtml(title)}</h1>
<div class="lead">${prose(declaration.summary)}</div>
${declaration.description ? prose(declaration.description) : ''}
<p>With the script tag it is registered by the library. In a site build, <code>import 'council-cookie-consent/${tag}'</code> registers it alone (<a href="elements.html">How the elements work</a>).</p>
<h2 id="examples">Examples</h2>
<p>Each example is the real element in a frame of its own, given a catalogue, a stored choice and a language by its entry in <code>src/ui/${tag}/${tag}.examples.ts</code> — the same examples its tests run. Choices made here stay in the frame: they touch no cookie.</p>
${BEFORE_EXAMPLES[tag] ?? ''}
${shown.map((example) => exampleSection(tag, example)).join('\n')}
<h2 id="attributes">Attributes</h2>
${table(
  `Attributes of <${tag}>`,
  ['attribute', 'property', 'type', 'description'],
  attributes.map((attribute) => [
    code(attribute.name),
    attribute.fieldName ? code(attribute.fieldName) : '',
    attribute.type ? code(attribute.type.text) : '',
    inline(attribute.description),
  ]),
  'None.',
)}
<h2 id="properties">Properties</h2>
${table(
  `Properties of <${tag}>`,
  ['property', 'type', 'description'],
  fields.map((field) => [code(field.name), field.type ? code(field.type.text) : '', inline(field.description)]),
  'None.',
)}
<h2 id="methods">Methods</h2>
${table(
  `Methods of <${tag}>`,
  ['method', 'returns', 'description'],
  methods.map((method) => [
    code(
      `${method.name}(${(method.parameters ?? []).map((parameter) => `${parameter.name}${parameter.default || parameter.optional ? '?' : ''}: ${parameter.type?.text ?? 'unknown'}`).join(', ')})`,
    ),
    code(method.return?.type?.text ?? 'void'),
    inline(method.description),
  ]),
  'None.',
)}
<h2 id="events">Events</h2>
${table(
  `Events of <${tag}>`,
  ['event', 'type', 'description'],
  (declaration.events ?? []).map((event) => [code(event.name), event.type ? code(event.type.text) : '', inline(event.description)]),
  'None: the element dispatches no events of its own. A change of the choice is announced once, on <code>document</code>, as <code>cookie-consent:change</code> (<a href="api.html">JavaScript API and events</a>).',
)}
<h2 id="slots">Slots</h2>
${table(
  `Slots of <${tag}>`,
  ['slot', 'description'],
  (declaration.slots ?? []).map((slot) => [slot.name ? code(slot.name) : '(default)', inline(slot.description)]),
  'None: the element shows only what it renders itself.',
)}
<h2 id="css-parts">CSS parts</h2>
<p>Style them from the page with <code>${escapeHtml(tag)}::part(name)</code>.</p>
${table(
  `CSS parts of <${tag}>`,
  ['part', 'description'],
  (declaration.cssParts ?? []).map((part) => [code(part.name), inline(part.description)]),
  'None.',
)}
<h2 id="css-custom-properties">CSS custom properties</h2>
<p>Set them on <code>:root</code> or on the element (<a href="theming.html">Theming</a>).</p>
${table(
  `CSS custom properties of <${tag}>`,
  ['property', 'description'],
  (declaration.cssProperties ?? []).map((property) => [code(property.name), inline(property.description)]),
  'None.',
)}`;
  return { title, html };
}

/** Every custom property of every element, once, with the elements that read it. */
export function customPropertiesTable(elements: Map<string, ElementDeclaration>): string {
  const properties = new Map<string, { description?: string; tags: string[] }>();
  for (const [tag, declaration] of elements)
    for (const property of declaration.cssProperties ?? []) {
      const entry = properties.get(property.name) ?? { description: property.description, tags: [] };
      entry.tags.push(tag);
      properties.set(property.name, entry);
    }
  const rows = [...properties]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([name, { description, tags }]) =>
        `<tr><th scope="row">${code(name)}</th><td>${inline(description)}</td><td>${tags.map((tag) => `<a href="${tag}.html">${code(`<${tag}>`)}</a>`).join(', ')}</td></tr>`,
    );
  return `<table>
<caption class="visually-hidden">Every CSS custom property</caption>
<thead><tr><th scope="col">property</th><th scope="col">description</th><th scope="col">read by</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}
