import { within } from '@testing-library/dom';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import keighley from '../../../cookie-catalogs/keighley.json';
import tunbridgeWells from '../../../cookie-catalogs/tunbridge-wells.json';
import type { Catalog } from '../../catalog/definition.js';
import { ConsentState } from '../../consent/consent-state.js';
import { consentContext, provideConsentContext } from '../consent-context.js';
import { defineElements } from '../define-elements.js';
import { openPreferences } from '../open-preferences.js';

const withVideo: Catalog = {
  ...(tunbridgeWells as Catalog),
  categories: [
    ...(tunbridgeWells as Catalog).categories,
    { id: 'video', title: { en: 'Video cookies (optional)', cy: 'Cwcis fideo (dewisol)' }, description: 'YouTube', cookies: [] },
  ],
};

function provide(catalog: Catalog, lang = 'en') {
  let stored: string | undefined;
  const storage = {
    read: () => stored,
    write: (value: string) => {
      stored = value;
      return true;
    },
    remove: () => {
      stored = undefined;
    },
  };
  const state = new ConsentState(catalog, storage, false);
  provideConsentContext(consentContext(catalog, lang, state, openPreferences));
  return state;
}

async function placeholder(properties: { category: string; provider?: string; src?: string }) {
  const element = document.createElement('cookie-embed-placeholder');
  Object.assign(element, properties);
  document.body.append(element);
  await element.updateComplete;
  return { element, view: within(element.shadowRoot as unknown as HTMLElement) };
}

beforeAll(() => defineElements());
afterEach(() => document.body.replaceChildren());

describe('<cookie-embed-placeholder> wording', () => {
  it('reads as a sentence without a data-provider, in English and in Welsh', async () => {
    provide(withVideo);
    const english = await placeholder({ category: 'video', src: '/video.html' });
    expect(english.view.getByText(/^This content/).textContent).toBe(
      'This content is hidden because it would set cookies you have not accepted.',
    );
    document.body.replaceChildren();
    provide(withVideo, 'cy');
    const welsh = await placeholder({ category: 'video', src: '/video.html' });
    expect(welsh.view.getByText(/^Mae’r cynnwys/).textContent).toBe(
      'Mae’r cynnwys hwn wedi’i guddio oherwydd byddai’n gosod cwcis nad ydych wedi’u derbyn.',
    );
    expect(welsh.view.getByRole('button', { name: 'Derbyn cwcis fideo a dangos' })).toBeTruthy();
  });

  it('names the provider when there is one', async () => {
    provide(withVideo);
    const { view } = await placeholder({ category: 'video', provider: 'YouTube', src: '/video.html' });
    expect(view.getByText(/^This content/).textContent).toBe(
      'This content from YouTube is hidden because it would set cookies you have not accepted.',
    );
  });
});

describe('<cookie-embed-placeholder> offers only what can be granted', () => {
  it('has no accept button for a category the catalogue does not declare (Keighley has none), but keeps the link', async () => {
    const state = provide(keighley as Catalog);
    const { view } = await placeholder({ category: 'video', provider: 'YouTube', src: 'https://www.youtube-nocookie.com/embed/x' });
    expect(view.queryByRole('button')).toBeNull();
    expect(view.getByRole('link', { name: 'Open this content in a new page' }).getAttribute('href')).toBe(
      'https://www.youtube-nocookie.com/embed/x',
    );
    expect(state.needsAnswer).toBe(false);
  });

  it('has no accept button for "essential", nor when one of several categories is undeclared', async () => {
    provide(withVideo);
    for (const category of ['essential', 'video marketing']) {
      const { view } = await placeholder({ category, src: '/video.html' });
      expect(view.queryByRole('button')).toBeNull();
      document.body.replaceChildren();
    }
  });

  it('has neither button nor link when the address is not http(s) or relative: there would be nothing to show', async () => {
    provide(withVideo);
    for (const src of ['javascript:alert(1)', 'data:text/html,<p>x</p>']) {
      const { view } = await placeholder({ category: 'video', src });
      expect(view.queryByRole('button')).toBeNull();
      expect(view.queryByRole('link')).toBeNull();
      document.body.replaceChildren();
    }
  });
});

describe('<cookie-embed-placeholder> size', () => {
  for (const [width, minHeight] of [
    ['280px', '60px'],
    ['300px', '80px'],
    ['100px', '20px'],
    ['50%', '40px'],
  ])
    it(`at ${width} × ${minHeight}, grows to hold its words: nothing overflows it or is clipped`, async () => {
      provide(withVideo);
      const { element } = await placeholder({ category: 'video', provider: 'YouTube', src: '/video.html' });
      Object.assign(element.style, { width, minHeight });
      const host = element.getBoundingClientRect();
      const box = element.shadowRoot!.querySelector<HTMLElement>('[part=placeholder]')!;
      expect(box.scrollHeight).toBeLessThanOrEqual(box.clientHeight);
      expect(box.scrollWidth).toBeLessThanOrEqual(box.clientWidth);
      for (const part of element.shadowRoot!.querySelectorAll('p, button, a')) {
        const rect = part.getBoundingClientRect();
        expect(rect.top).toBeGreaterThanOrEqual(host.top);
        expect(rect.bottom).toBeLessThanOrEqual(host.bottom);
        expect(rect.left).toBeGreaterThanOrEqual(host.left);
        expect(rect.right).toBeLessThanOrEqual(host.right);
      }
      expect(host.height).toBeGreaterThanOrEqual(Number.parseFloat(minHeight));
    });
});
