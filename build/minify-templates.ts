import type { Plugin } from 'rollup';

/** The parts of an ESTree AST this needs: nodes with a type and source positions. */
export interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * Lit keeps the white space of html`` and css`` literals, and terser leaves template text
 * alone, so indentation ships to every resident. This squeezes the static text of those
 * literals (nested ones too) and leaves the `${…}` expressions as they are:
 * - html: runs of white space become one space, and none is kept between two tags;
 * - css: comments go, and no space is kept around punctuation.
 * It works on the parsed module, so strings, comments and regular expressions that happen to
 * contain quotes or backticks cannot throw it out of step.
 */
export function minifyTemplateLiterals(): Plugin {
  return {
    name: 'minify-template-literals',
    transform(code) {
      if (!/\b(html|css)\s*`/.test(code)) return null;
      return { code: minifyTemplates(code, (source) => this.parse(source) as unknown as AstNode), map: null };
    },
  };
}

const squeeze = {
  html: (text: string) => text.replace(/\s+/g, ' ').replace(/>\s+</g, '><'),
  css: (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{}:;,>])\s*/g, '$1')
      .replace(/;}/g, '}'),
};

/** A css`` literal's text as it ships: without comments and needless white space. */
export const squeezeCss = squeeze.css;

/** Every node below `node`, depth first. */
export function* walk(node: AstNode): Generator<AstNode> {
  yield node;
  for (const value of Object.values(node))
    for (const child of Array.isArray(value) ? value : [value])
      if (child && typeof child === 'object' && typeof (child as AstNode).type === 'string') yield* walk(child as AstNode);
}

/** `code` with the static text of each html`` and css`` literal squeezed; `parse` gives its ESTree AST. */
export function minifyTemplates(code: string, parse: (code: string) => AstNode): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const node of walk(parse(code))) {
    const tag = node.tag as AstNode | undefined;
    if (node.type !== 'TaggedTemplateExpression' || tag?.type !== 'Identifier') continue;
    const kind = tag.name as string;
    if (kind !== 'html' && kind !== 'css') continue;
    for (const text of (node.quasi as { quasis: AstNode[] }).quasis)
      edits.push({ start: text.start, end: text.end, text: squeeze[kind](code.slice(text.start, text.end)) });
  }
  // From the end backwards, so earlier positions stay valid.
  return edits.sort((a, b) => b.start - a.start).reduce((out, edit) => out.slice(0, edit.start) + edit.text + out.slice(edit.end), code);
}
