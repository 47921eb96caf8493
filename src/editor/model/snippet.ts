/** What a council's web team pastes: the script tag with its integrity hash, and the colours as CSS. */

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface SnippetOptions {
  /** The folder the dist/council-cookie-consent.*.js files are copied to (a path or an address). */
  scriptFolder: string;
  /** Where the catalogue file is put. */
  catalogUrl: string;
  /** The script-tag core's Subresource Integrity hash, from the build. */
  integrity: string;
  version: string;
}

/** The `<head>` tags for every page: the catalogue preloaded, the core with its integrity hash. */
export function scriptTagSnippet({ scriptFolder, catalogUrl, integrity, version }: SnippetOptions): string {
  const folder = scriptFolder.trim() ? scriptFolder.trim().replace(/\/?$/, '/') : '/';
  const catalog = attribute(catalogUrl.trim() || '/cookie-catalogue.json');
  return [
    `<!-- council-cookie-consent ${version}: in every page's <head> -->`,
    `<link rel="preload" as="fetch" crossorigin href="${catalog}">`,
    `<script src="${attribute(folder)}council-cookie-consent.iife.js" integrity="${integrity}" crossorigin="anonymous" data-catalog="${catalog}" defer></script>`,
  ].join('\n');
}

/** The council's colours as custom properties, for the site's stylesheet; empty when every colour is the default. */
export function coloursCss(colours: Record<string, string>): string {
  // Only what a colour input gives (#rrggbb): nothing typed can reach the council's stylesheet.
  const chosen = Object.entries(colours).filter(([name, value]) => /^--cookie-[a-z-]+$/.test(name) && /^#[0-9a-f]{6}$/i.test(value));
  if (!chosen.length) return '';
  return `:root {\n${chosen.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}\n`;
}
