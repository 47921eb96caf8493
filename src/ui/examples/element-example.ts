import type { Catalog } from '../../catalog/definition.js';
import { ConsentState, type ConsentStorage } from '../../consent/consent-state.js';
import type { PageConsent } from '../page-consent-context.js';

/**
 * A named example of an element: a catalogue, a stored choice and a language. The same list
 * drives the element's tests, its page in the docs and the demo, so nothing is shown that is
 * not tested (as GOV.UK Frontend's examples do).
 */
export interface ElementExample {
  name: string;
  /** What it shows, in a sentence. */
  description: string;
  catalog: Catalog;
  /** The answers already stored (as the consent cookie would hold them); none: nobody has chosen yet. */
  stored?: Record<string, boolean>;
  /** The element's language (`lang`); English when absent. */
  lang?: string;
  /** The browser sends Global Privacy Control. */
  gpc?: boolean;
  /** Attributes to put on the element (`category`, `provider`, …). */
  attributes?: Record<string, string>;
  /** Kept for the tests only: not shown in the docs or the demo. */
  hidden?: boolean;
}

/** A consent cookie in memory: examples never touch the page's cookies. */
function memoryStorage(revision: number, stored?: Record<string, boolean>): ConsentStorage {
  let value =
    stored &&
    JSON.stringify({
      revision,
      time: Date.now() - 60000,
      consentId: '0f6d2c4e-8a1b-4c3d-9e5f-7a6b5c4d3e2f',
      method: 'accept',
      categories: stored,
    });
  return {
    read: () => value,
    write: (next) => {
      value = next;
      return true;
    },
    remove: () => {
      value = undefined;
    },
  };
}

/** The page consent an example runs on: its own state, in memory; `showPreferences` as given. */
export function exampleConsent(example: ElementExample, showPreferences: PageConsent['showPreferences'] = () => undefined): PageConsent {
  const { catalog } = example;
  return {
    catalog,
    state: new ConsentState(catalog, memoryStorage(catalog.revision, example.stored), example.gpc ?? false),
    showPreferences,
  };
}

/** Makes the element an example describes, with its consent, language and attributes, and puts it in `parent`. */
export async function mountExample<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  example: ElementExample,
  parent: Element = document.body,
  consent: PageConsent = exampleConsent(example),
): Promise<HTMLElementTagNameMap[K] & { consent?: PageConsent; updateComplete?: Promise<unknown> }> {
  const element = document.createElement(tag) as HTMLElementTagNameMap[K] & { consent?: PageConsent; updateComplete?: Promise<unknown> };
  if (example.lang) element.setAttribute('lang', example.lang);
  for (const [name, value] of Object.entries(example.attributes ?? {})) element.setAttribute(name, value);
  element.consent = consent;
  parent.append(element);
  await element.updateComplete;
  return element;
}
