import type { Plugin } from 'rollup';

/**
 * Lit keeps the white space of html`` and css`` literals, and terser leaves template text
 * alone, so indentation ships to every resident. This squeezes the static text of those
 * literals (nested ones too) and leaves the `${…}` expressions as they are:
 * - html: runs of white space become one space, and none is kept between two tags;
 * - css: comments go, and no space is kept around punctuation.
 */
export function minifyTemplateLiterals(): Plugin {
  return {
    name: 'minify-template-literals',
    transform(code) {
      if (!/\b(html|css)\s*`/.test(code)) return null;
      return { code: minifyTemplates(code), map: null };
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

export function minifyTemplates(code: string): string {
  let out = '';
  let i = 0;
  /** Copies JavaScript until `stop` (a `}` closing an expression) at depth 0, handling strings and templates. */
  const copyCode = (stopAtBrace: boolean): void => {
    let depth = 0;
    while (i < code.length) {
      const char = code[i];
      const tag = /^(html|css)\s*`/.exec(code.slice(i, i + 10));
      if (tag && !/[\w$]/.test(code[i - 1] ?? '')) {
        out += code.slice(i, i + tag[0].length);
        i += tag[0].length;
        copyTemplate(tag[1] as 'html' | 'css');
      } else if (char === '`') {
        out += char;
        i++;
        copyTemplate(undefined);
      } else if (char === '/' && (code[i + 1] === '/' || code[i + 1] === '*')) {
        // A comment, copied as it is: its apostrophes and backticks are prose, not quotes.
        const close = code[i + 1] === '/' ? '\n' : '*/';
        const end = code.indexOf(close, i + 2);
        const stop = end < 0 ? code.length : end + close.length;
        out += code.slice(i, stop);
        i = stop;
      } else if (char === '\\') {
        // An escape in a regular expression literal: `\/` is no comment.
        out += code.slice(i, i + 2);
        i += 2;
      } else if (char === '"' || char === "'") {
        const end = findStringEnd(i);
        out += code.slice(i, end);
        i = end;
      } else if (char === '{') {
        depth++;
        out += char;
        i++;
      } else if (char === '}') {
        if (stopAtBrace && depth === 0) return;
        depth--;
        out += char;
        i++;
      } else {
        out += char;
        i++;
      }
    }
  };
  const findStringEnd = (start: number): number => {
    const quote = code[start];
    let j = start + 1;
    while (j < code.length && code[j] !== quote) j += code[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  /** Copies a template literal's body (after the opening backtick) through its closing backtick. */
  const copyTemplate = (kind: 'html' | 'css' | undefined): void => {
    let text = '';
    const flush = () => {
      out += kind ? squeeze[kind](text) : text;
      text = '';
    };
    while (i < code.length) {
      const char = code[i];
      if (char === '\\') {
        text += code.slice(i, i + 2);
        i += 2;
      } else if (char === '`') {
        flush();
        out += '`';
        i++;
        return;
      } else if (char === '$' && code[i + 1] === '{') {
        flush();
        out += '${';
        i += 2;
        copyCode(true);
        out += '}';
        i++;
      } else {
        text += char;
        i++;
      }
    }
    flush();
  };
  copyCode(false);
  return out;
}
