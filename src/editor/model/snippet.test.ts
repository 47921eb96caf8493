import { describe, expect, it } from 'vitest';
import { coloursCss, scriptTagSnippet } from './snippet.js';

describe('the snippet for the site', () => {
  it('loads the core from the folder with its integrity hash, and the catalogue from its address', () => {
    const snippet = scriptTagSnippet({
      scriptFolder: '/assets/js',
      catalogUrl: '/cookies.json',
      integrity: 'sha384-abc',
      version: '1.0.0',
    });
    expect(snippet).toContain('<link rel="preload" as="fetch" crossorigin href="/cookies.json">');
    expect(snippet).toContain(
      '<script src="/assets/js/council-cookie-consent.iife.js" integrity="sha384-abc" crossorigin="anonymous" data-catalog="/cookies.json" defer></script>',
    );
  });

  it('never lets a typed address break out of its attribute', () => {
    const snippet = scriptTagSnippet({
      scriptFolder: '/"><img>',
      catalogUrl: 'x" onload="alert(1)',
      integrity: 'sha384-abc',
      version: '1',
    });
    expect(snippet).not.toMatch(/"><img>|onload="alert/);
    expect(snippet).toContain('&quot;');
  });

  it('writes only colours, as custom properties', () => {
    expect(coloursCss({})).toBe('');
    expect(coloursCss({ '--cookie-button-background': '#005ea5', '--cookie-link-color': 'red; } body { display: none' })).toBe(
      ':root {\n  --cookie-button-background: #005ea5;\n}\n',
    );
  });
});
