import { escapeHtml } from './html.js';

/** The parts of JSON Schema that src/catalog/definition.ts writes. */
export interface Schema {
  title?: string;
  description?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  propertyNames?: { pattern?: string };
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxLength?: number;
}

/** One table of the reference: an object of the catalogue and its keys. */
interface ObjectSection {
  path: string;
  schema: Schema;
}

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
const anchorFor = (path: string) => `key-${path.replace(/\[\]/g, '').replace(/[^a-zA-Z0-9]+/g, '-')}`;

/** A localised text: a string, or an object of language tag → string. */
function isLocalText(schema: Schema): boolean {
  const [plain, perLanguage] = schema.anyOf ?? [];
  return plain?.type === 'string' && perLanguage?.type === 'object' && !!perLanguage.propertyNames;
}

/** The keys a pattern such as `^(a|b|c)$` allows, or undefined for any other pattern. */
function alternatives(pattern?: string): string[] | undefined {
  const match = /^\^\(([\w|]+)\)\$$/.exec(pattern ?? '');
  return match?.[1].split('|');
}

function limits(schema: Schema): string[] {
  const notes: string[] = [];
  if (schema.minimum !== undefined && schema.maximum !== undefined) notes.push(`from ${schema.minimum} to ${schema.maximum}`);
  else if (schema.minimum !== undefined) notes.push(`at least ${schema.minimum}`);
  if (schema.minItems) notes.push(`at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
  if (schema.pattern && schema.pattern !== '\\S') notes.push(`matching ${code(schema.pattern)}`);
  if (schema.pattern === '\\S') notes.push('not blank');
  if (schema.maxLength !== undefined) notes.push(`at most ${schema.maxLength.toLocaleString('en-GB')} characters`);
  return notes;
}

/** What a value must be, in words, linking to the section of a nested object. */
function describeValue(schema: Schema, path: string, sections: ObjectSection[]): string {
  if (isLocalText(schema)) {
    const [plain, perLanguage] = schema.anyOf!;
    const languages = perLanguage.propertyNames?.pattern;
    return `text: a string (${limits(plain).join(', ')}), or an object of language tag (${code(languages ?? '')}) → string`;
  }
  if (schema.enum) return `one of ${schema.enum.map((value) => code(JSON.stringify(value))).join(', ')}`;
  if (schema.type === 'array') {
    const items = schema.items ?? {};
    const extra = limits(schema);
    const each = items.properties
      ? describeValue(items, `${path}[]`, sections).replace('an <a', '<a').replace('>object<', '>objects<')
      : items.enum
        ? `items, each ${describeValue(items, `${path}[]`, sections)}`
        : describeValue(items, `${path}[]`, sections);
    return `a list of ${each}${extra.length ? ` (${extra.join(', ')})` : ''}`;
  }
  if (schema.type === 'object' && schema.properties) {
    sections.push({ path, schema });
    return `an <a href="#${anchorFor(path)}">object</a>`;
  }
  if (schema.type === 'object') {
    const names = alternatives(schema.propertyNames?.pattern);
    const keys = names
      ? `<a href="#${anchorFor(path)}">the keys listed</a>`
      : schema.propertyNames?.pattern && schema.propertyNames.pattern !== '^.+$'
        ? `keys matching ${code(schema.propertyNames.pattern)}`
        : 'any keys';
    const value =
      typeof schema.additionalProperties === 'object' ? describeValue(schema.additionalProperties, `${path}.*`, sections) : 'anything';
    if (names) sections.push({ path, schema });
    return `an object with ${keys}, each ${value}`;
  }
  const type =
    schema.type === 'integer' ? 'a whole number' : schema.type === 'boolean' ? '`true` or `false`' : `a ${schema.type ?? 'value'}`;
  const extra = limits(schema);
  return `${type.replace(/`([^`]+)`/g, (_, text: string) => code(text))}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

function sectionTable(section: ObjectSection, sections: ObjectSection[]): string {
  const { path, schema } = section;
  const heading = path === '' ? 'The catalogue' : code(path);
  const description = path === '' ? 'The top level of a catalogue file.' : escapeHtml(schema.description ?? '');
  if (!schema.properties) {
    const names = alternatives(schema.propertyNames?.pattern) ?? [];
    return `<h2 id="${anchorFor(path)}">${heading}</h2>
<p>${description}</p>
<p>The keys it may have:</p>
<ul class="key-list">${names.map((name) => `<li>${code(name)}</li>`).join('')}</ul>`;
  }
  const rows = Object.entries(schema.properties)
    .map(([key, value]) => {
      const keyPath = path ? `${path}.${key}` : key;
      const required = schema.required?.includes(key) ? 'yes' : 'no';
      const meaning = value.description
        ? escapeHtml(value.description)
        : key === '$schema'
          ? 'The schema the file follows, for editors.'
          : '';
      return `<tr><th scope="row">${code(key)}</th><td>${required}</td><td>${describeValue(value, keyPath, sections)}</td><td>${meaning}</td></tr>`;
    })
    .join('\n');
  const unknown = schema.additionalProperties === false ? '<p>Any other key is an error.</p>' : '';
  return `<h2 id="${anchorFor(path)}">${heading}</h2>
<p>${description}</p>
<table>
<thead><tr><th scope="col">key</th><th scope="col">required</th><th scope="col">value</th><th scope="col">meaning</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${unknown}`;
}

/**
 * The catalogue reference, generated from `cookie-catalogs/catalog.schema.json` (itself
 * generated from `src/catalog/definition.ts`): one table per object, every key with whether
 * it is required, what its value must be and what it means.
 */
export function catalogueReference(schema: Schema, schemaHref: string): { title: string; html: string } {
  const sections: ObjectSection[] = [{ path: '', schema }];
  const rendered: string[] = [];
  // Describing a section's values discovers the sections nested in it, so the list grows as it is read.
  for (let index = 0; index < sections.length; index++) rendered.push(sectionTable(sections[index], sections));
  const title = 'Catalogue reference';
  return {
    title,
    html: `<h1>${title}</h1>
<p>Every key a catalogue may have, generated from the catalogue's JSON Schema,
<a href="${escapeHtml(schemaHref)}"><code>catalog.schema.json</code></a>, which the build writes from
<code>src/catalog/definition.ts</code>: the same definition gives the types, the validation that runs in the
browser and in <code>validate</code>, and this page, so they cannot disagree. The rules that go beyond the
shape (no glob that matches every cookie, a consent cookie domain within the site's) are in
<a href="catalogue.html#what-validation-refuses">The catalogue</a>.</p>
<nav aria-label="Objects of the catalogue"><ul>${sections
      .map((section) => `<li><a href="#${anchorFor(section.path)}">${section.path === '' ? 'The catalogue' : code(section.path)}</a></li>`)
      .join('')}</ul></nav>
${rendered.join('\n')}`,
  };
}
