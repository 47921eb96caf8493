import type { ConsentMethod } from '../consent/consent-record.js';

/** The `detail` of the `cookie-consent:change` event `document` receives after every change. */
export interface ConsentChangeDetail {
  /** The categories granted now, `essential` first: `['essential', 'analytics']`. */
  granted: string[];
  /** Every optional category's answer: `{ analytics: true, marketing: false }`. */
  categories: Record<string, boolean>;
  /** How the choice was made; `undefined` when it was forgotten by `reset()`. */
  method: ConsentMethod | undefined;
}

export type { ConsentMethod };
