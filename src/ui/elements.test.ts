import { within } from '@testing-library/dom';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import tunbridgeWells from '../../cookie-catalogs/tunbridge-wells.json';
import type { Catalog } from '../catalog/definition.js';
import { ConsentState, type ConsentStorage } from '../consent/consent-state.js';
import { consentContext, provideConsentContext } from './consent-context.js';
import { defineElements } from './define-elements.js';
import { openPreferences } from './open-preferences.js';

const catalog = tunbridgeWells as Catalog;

const memoryStorage = (): ConsentStorage => {
  let value: string | undefined;
  return {
    read: () => value,
    write: (v) => {
      value = v;
      return true;
    },
    remove: () => (value = undefined),
  };
};

/** Gives the page a fresh consent state for `catalog`, as the library does once the catalogue has loaded. */
function provide(
  forCatalog: Catalog = catalog,
  lang = 'en',
  options: { gpc?: boolean; showPreferences?: (opener?: Element | null) => void } = {},
) {
  const state = new ConsentState(forCatalog, memoryStorage(), options.gpc ?? false);
  provideConsentContext(consentContext(forCatalog, lang, state, options.showPreferences ?? openPreferences));
  return state;
}

async function mount<K extends 'cookie-banner' | 'cookie-preferences' | 'cookie-table' | 'cookie-embed-placeholder'>(
  tag: K,
  setup?: (element: HTMLElementTagNameMap[K]) => void,
) {
  const element = document.createElement(tag);
  setup?.(element);
  document.body.append(element);
  await element.updateComplete;
  return { element, view: within(element.shadowRoot as unknown as HTMLElement) };
}

beforeAll(() => defineElements());
afterEach(() => document.body.replaceChildren());

describe('<cookie-banner>', () => {
  it('asks with equal accept and reject buttons and a route to choose', async () => {
    provide();
    const { view } = await mount('cookie-banner');
    expect(view.getByRole('region', { name: 'Cookies on Tunbridge Wells Borough Council' })).toBeTruthy();
    expect(view.getByRole('heading', { level: 2 }).textContent).toBe('Cookies on Tunbridge Wells Borough Council');
    const accept = view.getByRole('button', { name: 'Accept analytics cookies' });
    const reject = view.getByRole('button', { name: 'Reject analytics cookies' });
    expect(accept.className).toBe(reject.className);
    expect(getComputedStyle(accept).backgroundColor).toBe(getComputedStyle(reject).backgroundColor);
    expect(view.getByRole('button', { name: 'Choose which cookies to use' })).toBeTruthy();
    expect(view.getByRole('link', { name: 'Read our cookie policy' }).getAttribute('href')).toBe(catalog.site.policyUrl);
  });

  it('confirms the choice, moves focus to the confirmation, and hides', async () => {
    const state = provide();
    const { element, view } = await mount('cookie-banner');
    view.getByRole('button', { name: 'Reject analytics cookies' }).focus();
    view.getByRole('button', { name: 'Reject analytics cookies' }).click();
    await element.updateComplete;
    expect(state.isGranted('analytics')).toBe(false);
    expect(state.record?.method).toBe('reject');
    const confirmation = element.shadowRoot!.querySelector('.confirmation')!;
    expect(confirmation.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'You’ve rejected analytics cookies. You can change your cookie settings at any time.',
    );
    expect(element.shadowRoot!.activeElement).toBe(confirmation);
    await vi.waitFor(() => expect(document.documentElement.style.paddingBottom).not.toBe(''));
    view.getByRole('button', { name: 'Hide cookie message' }).click();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.banner')).toBeNull();
    expect(document.documentElement.style.paddingBottom).toBe('');
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
  });

  it('rewrites the confirmation when the resident changes their mind again', async () => {
    const state = provide();
    const { element } = await mount('cookie-banner');
    state.answerAll(true, 'api');
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).toContain('You’ve accepted analytics cookies.');
    state.answerAll(false, 'preferences');
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).toContain('You’ve rejected analytics cookies.');
  });

  it('under Global Privacy Control asks for statistics-exemption cookies as for any other', async () => {
    const exempt = {
      ...catalog,
      categories: [catalog.categories[0], { ...catalog.categories[1], basis: 'statistics-exemption' as const }],
    };
    const state = provide(exempt, 'en', { gpc: true });
    const { view } = await mount('cookie-banner');
    expect(state.isGranted('analytics')).toBe(false);
    expect(view.queryByRole('button', { name: 'Keep analytics cookies on' })).toBeNull();
    view.getByRole('button', { name: 'Accept analytics cookies' }).click();
    expect(state.isGranted('analytics')).toBe(true);
  });

  it('opens the preferences from "Choose which cookies to use"', async () => {
    const showPreferences = vi.fn();
    provide(catalog, 'en', { showPreferences });
    const { view } = await mount('cookie-banner');
    const choose = view.getByRole('button', { name: 'Choose which cookies to use' });
    choose.click();
    expect(showPreferences).toHaveBeenCalledWith(choose);
  });

  it('says "additional cookies" when there is more than one optional category', async () => {
    provide({ ...catalog, categories: [...catalog.categories, { id: 'video', title: 'Video', description: 'Video', cookies: [] }] });
    const { view } = await mount('cookie-banner');
    expect(view.getByRole('button', { name: 'Accept additional cookies' })).toBeTruthy();
    expect(view.getByRole('button', { name: 'Reject additional cookies' })).toBeTruthy();
  });

  it('offers to turn off statistics-exemption cookies, as prominently as keeping them', async () => {
    const exempt = {
      ...catalog,
      categories: [catalog.categories[0], { ...catalog.categories[1], basis: 'statistics-exemption' as const }],
    };
    const state = provide(exempt);
    expect(state.isGranted('analytics')).toBe(true);
    const { view } = await mount('cookie-banner');
    const keep = view.getByRole('button', { name: 'Keep analytics cookies on' });
    const off = view.getByRole('button', { name: 'Turn off analytics cookies' });
    expect(keep.className).toBe(off.className);
    expect(view.getByText(/to count visits/).textContent).toContain('analytics cookies (optional)');
    off.click();
    expect(state.isGranted('analytics')).toBe(false);
  });

  it('names Global Privacy Control when the browser sends it', async () => {
    provide(catalog, 'en', { gpc: true });
    const { view } = await mount('cookie-banner');
    expect(view.getByText(/Global Privacy Control/)).toBeTruthy();
    expect(view.getByRole('button', { name: 'Accept analytics cookies' })).toBeTruthy();
  });

  it('speaks Welsh, and takes the catalogue’s own wording over the built-in', async () => {
    provide({ ...catalog, text: { cy: { bannerTitle: 'Cwcis ar wefan {site}' } } }, 'cy');
    const { view } = await mount('cookie-banner');
    expect(view.getByRole('heading').textContent).toBe('Cwcis ar wefan Tunbridge Wells Borough Council');
    expect(view.getByRole('button', { name: 'Derbyn cwcis dadansoddi' })).toBeTruthy();
  });
});

describe('language tags', () => {
  it('marks English wording lang="en" on a page in a language without wording, and nothing otherwise', async () => {
    provide(catalog, 'pl');
    const polish = await mount('cookie-banner');
    expect(polish.view.getByRole('region').getAttribute('lang')).toBe('en');
    expect(polish.view.getByRole('button', { name: 'Accept analytics cookies' })).toBeTruthy();
    const placeholder = await mount('cookie-embed-placeholder', (element) => (element.category = 'analytics'));
    expect(placeholder.element.shadowRoot!.querySelector('[part=placeholder]')!.getAttribute('lang')).toBe('en');
    const preferences = await mount('cookie-preferences');
    expect(preferences.element.shadowRoot!.querySelector('dialog')!.getAttribute('lang')).toBe('en');
    document.body.replaceChildren();

    // Wording the catalogue gives for the page's language is the page's own.
    provide({ ...catalog, text: { pl: { bannerTitle: 'Pliki cookie: {site}' } } }, 'pl');
    expect((await mount('cookie-banner')).view.getByRole('region').hasAttribute('lang')).toBe(false);
    document.body.replaceChildren();
    for (const lang of ['cy', 'en-GB']) {
      provide(catalog, lang);
      expect((await mount('cookie-banner')).view.getByRole('region').hasAttribute('lang')).toBe(false);
      document.body.replaceChildren();
    }
  });

  it('takes wording and catalogue text for a regional tag such as cy-GB', async () => {
    provide({ ...catalog, text: { 'cy-GB': { bannerTitle: 'Cwcis ar {site} (GB)' } } }, 'cy-GB');
    const { view } = await mount('cookie-banner');
    expect(view.getByRole('heading').textContent).toBe('Cwcis ar Tunbridge Wells Borough Council (GB)');
    expect(view.getByRole('button', { name: 'Derbyn cwcis dadansoddi' })).toBeTruthy();
    const table = await mount('cookie-table', (element) => (element.category = 'analytics'));
    expect(table.view.getByRole('table').textContent).toContain('2 flynedd');
  });
});

describe('<cookie-table>', () => {
  it('renders one category’s table with caption and Name | Purpose | Expires', async () => {
    provide();
    const { view } = await mount('cookie-table', (element) => (element.category = 'analytics'));
    const table = view.getByRole('table', { name: 'Analytics cookies (optional)' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Purpose', 'Expires']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['_ga', '_gid', '_gat']);
    expect(within(table).getByRole('row', { name: /_gat/ }).textContent).toContain('1 minute');
  });

  it('renders every category without the attribute', async () => {
    provide();
    const { view } = await mount('cookie-table');
    expect(view.getAllByRole('table').map((t) => t.querySelector('caption')!.textContent)).toEqual([
      'Essential cookies',
      'Analytics cookies (optional)',
    ]);
  });

  it('keeps static tables that say what the catalogue says, and replaces stale ones', async () => {
    const fresh = document.createElement('cookie-table');
    fresh.category = 'essential';
    fresh.innerHTML =
      '<table><caption>Essential cookies</caption><thead><tr><th>Name</th><th>Purpose</th><th>Expires</th></tr></thead><tbody><tr><th>CookieControl</th><td>CookieControl by CivicUK</td><td>90 days</td></tr></tbody></table>';
    const stale = document.createElement('cookie-table');
    stale.category = 'essential';
    stale.innerHTML = '<table><caption>Essential cookies</caption><tbody><tr><th>OldCookie</th></tr></tbody></table>';
    provide();
    document.body.append(fresh, stale);
    await fresh.updateComplete;
    await stale.updateComplete;
    expect(fresh.shadowRoot!.querySelector('slot')).not.toBeNull();
    expect(stale.shadowRoot!.querySelector('slot')).toBeNull();
    expect(stale.shadowRoot!.querySelector('table')!.textContent).toContain('CookieControl');
  });
});

describe('<cookie-preferences>', () => {
  it('shows each category with its choice, and saves', async () => {
    const state = provide();
    const { element, view } = await mount('cookie-preferences');
    await element.show();
    const dialog = view.getByRole('dialog', { name: 'Cookie settings' });
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(within(dialog).getByText('Always on')).toBeTruthy();
    const group = within(dialog).getByRole('group', { name: 'Analytics cookies (optional)' });
    expect((within(group).getByRole('radio', { name: 'Off' }) as HTMLInputElement).checked).toBe(true);
    expect(within(group).getByRole('table')).toBeTruthy();
    within(group).getByRole('radio', { name: 'On' }).click();
    within(dialog).getByRole('button', { name: 'Save cookie settings' }).click();
    expect(state.isGranted('analytics')).toBe(true);
    expect(state.record?.method).toBe('preferences');
    expect((dialog as HTMLDialogElement).open).toBe(false);
  });
});

describe('<cookie-embed-placeholder>', () => {
  it('says whose content it is, links to it, and grants only its category', async () => {
    const state = provide({
      ...catalog,
      categories: [...catalog.categories, { id: 'video', title: 'Video cookies (optional)', description: 'YouTube', cookies: [] }],
    });
    const { view } = await mount('cookie-embed-placeholder', (element) => {
      element.category = 'video';
      element.provider = 'YouTube';
      element.src = 'https://www.youtube-nocookie.com/embed/x';
    });
    expect(view.getByText(/This content from YouTube is hidden/)).toBeTruthy();
    expect(view.getByRole('link', { name: 'Open this content in a new page' }).getAttribute('href')).toBe(
      'https://www.youtube-nocookie.com/embed/x',
    );
    view.getByRole('button', { name: 'Accept video cookies and show' }).click();
    expect(state.granted()).toEqual({ analytics: false, video: true });
    expect(state.needsAnswer).toBe(true);
  });

  it('grants every category an embed waits for', async () => {
    const state = provide({
      ...catalog,
      categories: [...catalog.categories, { id: 'video', title: 'Video cookies', description: 'YouTube', cookies: [] }],
    });
    const { view } = await mount('cookie-embed-placeholder', (element) => {
      element.category = 'analytics video';
      element.src = 'https://www.youtube-nocookie.com/embed/x';
    });
    view.getByRole('button', { name: /^Accept/ }).click();
    expect(state.granted()).toEqual({ analytics: true, video: true });
  });
});
