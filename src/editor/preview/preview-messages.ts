import type { Catalog } from '../../catalog/definition.js';

/** What the editor tells its preview frame. */
export type PreviewMessage =
  | { type: 'show'; catalog: Catalog; lang: string; colours: Record<string, string> }
  | { type: 'ask-again' }
  | { type: 'open-preferences' };

/** What the preview frame tells the editor: it is listening. */
export type PreviewReply = { type: 'ready' };
