/** What the build gives the editor (build/editor-page.ts). */
declare module 'virtual:editor-build' {
  /** The preview frame's whole document: its page, styles and the elements' script, inline. */
  export const PREVIEW_DOCUMENT: string;
  /** The catalogues in cookie-catalogs/, by file name. */
  export const BUNDLED_CATALOGUES: { file: string; catalog: unknown }[];
  /** The script-tag core's Subresource Integrity hash (sha384). */
  export const CORE_INTEGRITY: string;
  export const VERSION: string;
  /** The `@cssprop` custom properties the elements document. */
  export const CUSTOM_PROPERTIES: { name: string; description: string; fallback: string }[];
}
