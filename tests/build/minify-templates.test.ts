import { parseAst } from 'rollup/parseAst';
import { describe, expect, it } from 'vitest';
import { minifyTemplates } from '../../build/minify-templates.js';

const squeeze = (code: string) => minifyTemplates(code, (source) => parseAst(source) as never);

describe('squeezing Lit templates at build time', () => {
  it('squeezes html and css literals, nested ones too, and leaves expressions alone', () => {
    const code = [
      'const view = html`',
      '  <p class="a">',
      '    ${items.map((item) => html`<li>  ${item}  </li>`)}',
      '  </p>',
      '  <span>  ${"  two  spaces  "}  </span>`;',
      'const style = css`',
      '  /* a comment */',
      '  .a , .b > p {',
      '    color : red ;',
      '  }',
      '`;',
    ].join('\n');
    expect(squeeze(code)).toBe(
      'const view = html` <p class="a"> ${items.map((item) => html`<li> ${item} </li>`)} </p><span> ${"  two  spaces  "} </span>`;\n' +
        'const style = css` .a,.b>p{color:red}`;',
    );
  });

  it('is not thrown out of step by quotes, backticks or braces in comments, strings and regular expressions', () => {
    const code = [
      "// the iframe's placeholder, a `tick` and a } brace",
      'const quote = /[`\'"}]/;',
      "const slash = /[/*]/.test('x');",
      'const text = "a ` backtick and html`";',
      'const view = html`  <b>  ${quote.source.replace(/}/g, "")}  </b>  `;',
    ].join('\n');
    const out = squeeze(code);
    expect(out).toContain('const view = html` <b> ${quote.source.replace(/}/g, "")} </b> `;');
    // Everything outside the template is exactly as it was.
    expect(out.split('\n').slice(0, 4)).toEqual(code.split('\n').slice(0, 4));
  });

  it('leaves untagged templates and other tags as they are', () => {
    const code = 'const a = `  keep  `; const b = svg`  keep  `; const c = other.html`  keep  `;';
    expect(squeeze(code)).toBe(code);
  });
});
