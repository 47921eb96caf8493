import type { Tree } from './element-tree.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Static HTML for an element tree, indented one element a line for a CMS source view. */
export function toHtml(tree: Tree, depth = 0): string {
  const indent = '  '.repeat(depth);
  if (typeof tree === 'string') return indent + escapeHtml(tree);
  const attrs = Object.entries(tree.attrs)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const open = `${indent}<${tree.tag}${attrs}>`;
  if (tree.children.every((child) => typeof child === 'string'))
    return `${open}${tree.children.map((child) => escapeHtml(child as string)).join('')}</${tree.tag}>`;
  return [open, ...tree.children.map((child) => toHtml(child, depth + 1)), `${indent}</${tree.tag}>`].join('\n');
}
