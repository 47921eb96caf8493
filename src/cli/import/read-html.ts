import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import type { PolicyDocument, PolicyItem } from './policy-document.js';
import { readTextLines } from './read-text.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** Elements whose text is not part of the policy a resident reads. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'button', 'select', 'iframe', 'head']);
/** Elements that start a new line of text. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'header',
  'footer',
  'li',
  'ul',
  'ol',
  'blockquote',
  'address',
  'figure',
  'figcaption',
  'details',
  'summary',
  'form',
  'fieldset',
  'legend',
  'hr',
  'body',
  'html',
  'dd',
  'dt',
]);

const isElement = (node: Node): node is Element => 'tagName' in node;
const children = (node: Node): Node[] => ('childNodes' in node ? node.childNodes : []);
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** An element's text, with line breaks and block boundaries as spaces. */
function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!isElement(node)) return '';
  if (SKIPPED.has(node.tagName)) return '';
  if (node.tagName === 'br') return ' ';
  const inner = children(node).map(textOf).join('');
  return BLOCKS.has(node.tagName) ? ` ${inner} ` : inner;
}

/** The text of `<pre>`, whose line breaks and spacing are the layout. */
function rawTextOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (isElement(node) && node.tagName === 'br') return '\n';
  return children(node).map(rawTextOf).join('');
}

/** A table's rows (its own, not those of tables nested in its cells), each a list of cell texts. */
function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  const visit = (node: Node) => {
    if (!isElement(node)) return;
    if (node.tagName === 'tr') {
      const cells = children(node).filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));
      rows.push(cells.map((cell) => collapse(textOf(cell))));
      return;
    }
    if (node.tagName === 'table' && node !== table) return;
    children(node).forEach(visit);
  };
  visit(table);
  return rows.filter((row) => row.some(Boolean));
}

/**
 * A policy page's HTML read into headings, text lines and tables. Text between them goes
 * through the plain-text reader, so pipe tables and "Cookie name:" blocks in paragraphs
 * are read the same as in a text file.
 */
export function readHtml(html: string): PolicyDocument {
  const items: PolicyItem[] = [];
  let title: string | undefined;
  let lines: string[] = [];
  let inline = '';
  const endLine = () => {
    const line = collapse(inline);
    if (line) lines.push(line);
    inline = '';
  };
  const flush = () => {
    endLine();
    items.push(...readTextLines(lines));
    lines = [];
  };
  const walk = (node: Node): void => {
    if (node.nodeName === '#text') {
      inline += (node as DefaultTreeAdapterTypes.TextNode).value;
      return;
    }
    if (!isElement(node)) {
      children(node).forEach(walk);
      return;
    }
    const tag = node.tagName;
    if (tag === 'title') {
      title = collapse(textOf(node));
      return;
    }
    if (SKIPPED.has(tag)) {
      if (tag === 'head') children(node).forEach(walk);
      return;
    }
    if (/^h[1-6]$/.test(tag)) {
      flush();
      const text = collapse(textOf(node));
      if (text) items.push({ kind: 'heading', text });
      return;
    }
    if (tag === 'table') {
      flush();
      const caption = children(node).find((c): c is Element => isElement(c) && c.tagName === 'caption');
      const captionText = caption && collapse(textOf(caption));
      items.push({ kind: 'table', rows: tableRows(node), ...(captionText ? { caption: captionText } : {}) });
      return;
    }
    if (tag === 'dl') {
      // A definition list per cookie ("Cookie name" / "nmstat", "Expires" / "1 year") reads as "Key: value" lines.
      endLine();
      let term = '';
      for (const child of children(node).flatMap((c) => (isElement(c) && c.tagName === 'div' ? children(c) : [c]))) {
        if (!isElement(child)) continue;
        if (child.tagName === 'dt') term = collapse(textOf(child)).replace(/:$/, '');
        else if (child.tagName === 'dd') lines.push(term ? `${term}: ${collapse(textOf(child))}` : collapse(textOf(child)));
      }
      return;
    }
    if (tag === 'pre') {
      endLine();
      lines.push(...rawTextOf(node).split(/\r?\n/));
      return;
    }
    if (tag === 'br') {
      endLine();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) endLine();
    children(node).forEach(walk);
    if (block) endLine();
  };
  walk(parse(html));
  flush();
  return { items, ...(title ? { title } : {}) };
}
