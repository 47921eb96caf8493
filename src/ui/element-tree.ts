/**
 * A tiny element tree, so one renderer can feed both the DOM (`<cookie-table>`) and static
 * HTML (the `tables` command) with identical markup. Text is always text: the DOM side uses
 * text nodes, the HTML side escapes.
 */
export type Tree = string | { tag: string; attrs: Record<string, string>; children: Tree[] };

export const h = (tag: string, attrs: Record<string, string>, ...children: Tree[]): Tree => ({ tag, attrs, children });

export function toDom(tree: Tree, doc: Document = document): Node {
  if (typeof tree === 'string') return doc.createTextNode(tree);
  const element = doc.createElement(tree.tag);
  for (const [name, value] of Object.entries(tree.attrs)) element.setAttribute(name, value);
  for (const child of tree.children) element.append(toDom(child, doc));
  return element;
}

/** The text a tree shows: to tell whether static markup already says the same. */
export const treeText = (tree: Tree): string => (typeof tree === 'string' ? tree : tree.children.map(treeText).join(''));
