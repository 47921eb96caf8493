import { within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../wording/cy.js';
import { axeViolations } from '../examples/axe-check.js';
import { TUNBRIDGE_WELLS } from '../examples/catalogues.js';
import { mountExample } from '../examples/element-example.js';
import { tableExamples } from './cookie-table.examples.js';
import { CookieTable } from './cookie-table.js';
import './define.js';

const example = (name: string) => tableExamples.find((candidate) => candidate.name === name)!;
const view = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('<cookie-table> examples', () => {
  for (const each of tableExamples)
    it(`${each.name}: captioned tables, and axe finds nothing`, async () => {
      const element = await mountExample('cookie-table', each);
      expect(view(element).getAllByRole('table').length).toBeGreaterThan(0);
      expect(await axeViolations(element)).toEqual([]);
    });
});

describe('<cookie-table>', () => {
  it('renders one category’s table with caption and Name | Purpose | Expires', async () => {
    const table = view(await mountExample('cookie-table', example('one-category'))).getByRole('table', {
      name: 'Analytics cookies (optional)',
    });
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
    const element = await mountExample('cookie-table', example('every-category'));
    expect(
      view(element)
        .getAllByRole('table')
        .map((t) => t.querySelector('caption')!.textContent),
    ).toEqual(['Essential cookies', 'Analytics cookies (optional)']);
  });

  it('speaks Welsh from its language, regional tags included', async () => {
    for (const name of ['welsh', 'regional']) {
      const element = await mountExample('cookie-table', example(name));
      expect(view(element).getByRole('table').textContent).toContain('2 flynedd');
      expect(view(element).getByRole('table').querySelector('caption')!.textContent).toBe('Cwcis dadansoddi (dewisol)');
    }
  });

  it('stands on its own with a catalogue given as an object, or fetched from its `catalog` URL', async () => {
    expect(customElements.get('cookie-table')).toBe(CookieTable);
    const byObject = document.createElement('cookie-table');
    byObject.catalog = TUNBRIDGE_WELLS;
    byObject.category = 'essential';
    document.body.append(byObject);
    await byObject.updateComplete;
    expect(view(byObject).getByRole('table', { name: 'Essential cookies' })).toBeTruthy();

    const url = URL.createObjectURL(new Blob([JSON.stringify(TUNBRIDGE_WELLS)], { type: 'application/json' }));
    const byUrl = document.createElement('cookie-table');
    byUrl.setAttribute('catalog', url);
    byUrl.setAttribute('category', 'analytics');
    document.body.append(byUrl);
    await vi.waitFor(() => expect(view(byUrl).getByRole('table', { name: 'Analytics cookies (optional)' })).toBeTruthy());
  });

  it('keeps what it shows, and says why, when its catalogue cannot be used', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const element = document.createElement('cookie-table');
    element.innerHTML = '<p>Our cookies are listed on this page.</p>';
    element.setAttribute('catalog', URL.createObjectURL(new Blob(['{ "site": '], { type: 'application/json' })));
    document.body.append(element);
    await vi.waitFor(() => expect(error.mock.calls.join(' ')).toContain('is not valid JSON'));
    expect(element.shadowRoot!.querySelector('slot')).not.toBeNull();
  });

  it('keeps static tables that say what the catalogue says, and replaces stale ones saying so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fresh = document.createElement('cookie-table');
    fresh.innerHTML =
      '<table><caption>Essential cookies</caption><thead><tr><th>Name</th><th>Purpose</th><th>Expires</th></tr></thead><tbody><tr><th>CookieControl</th><td>CookieControl by CivicUK</td><td>90 days</td></tr></tbody></table>';
    const stale = document.createElement('cookie-table');
    stale.innerHTML = '<table><caption>Essential cookies</caption><tbody><tr><th>OldCookie</th></tr></tbody></table>';
    for (const element of [fresh, stale]) {
      element.category = 'essential';
      element.catalog = TUNBRIDGE_WELLS;
    }
    document.body.append(fresh, stale);
    await fresh.updateComplete;
    await stale.updateComplete;
    expect(fresh.shadowRoot!.querySelector('slot')).not.toBeNull();
    expect(stale.shadowRoot!.querySelector('slot')).toBeNull();
    expect(stale.shadowRoot!.querySelector('table')!.textContent).toContain('CookieControl');
    expect(warn.mock.calls.map((call) => call.join(' '))).toEqual([expect.stringContaining('replaced the tables pasted inside it')]);
  });
});
