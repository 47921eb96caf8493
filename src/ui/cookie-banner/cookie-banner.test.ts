import { within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../wording/cy.js';
import { ConsentState } from '../../consent/consent-state.js';
import { axeViolations } from '../examples/axe-check.js';
import { exampleConsent, mountExample } from '../examples/element-example.js';
import { bannerExamples } from './cookie-banner.examples.js';
import { CookieBanner } from './cookie-banner.js';
import './define.js';

const example = (name: string) => bannerExamples.find((candidate) => candidate.name === name)!;
const view = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);

afterEach(() => document.body.replaceChildren());

describe('<cookie-banner> examples', () => {
  for (const each of bannerExamples)
    it(`${each.name}: asks with equal accept and reject buttons, and axe finds nothing`, async () => {
      const element = await mountExample('cookie-banner', each);
      const buttons = view(element).getAllByRole('button');
      expect(buttons[0].className).toBe(buttons[1].className);
      expect(getComputedStyle(buttons[0]).backgroundColor).toBe(getComputedStyle(buttons[1]).backgroundColor);
      expect(await axeViolations(element)).toEqual([]);
    });
});

describe('<cookie-banner>', () => {
  it('stands on its own: it is the element registered, and shows nothing without a consent to ask about', async () => {
    expect(customElements.get('cookie-banner')).toBe(CookieBanner);
    const element = document.createElement('cookie-banner');
    document.body.append(element);
    await element.updateComplete;
    expect(element.shadowRoot!.childElementCount).toBe(0);
    element.consent = exampleConsent(example('analytics'));
    await element.updateComplete;
    expect(view(element).getByRole('region', { name: 'Cookies on Tunbridge Wells Borough Council' })).toBeTruthy();
  });

  it('asks "Cookies on {site}" with accept, reject, a route to choose, and the policy link', async () => {
    const element = await mountExample('cookie-banner', example('analytics'));
    expect(view(element).getByRole('heading', { level: 2 }).textContent).toBe('Cookies on Tunbridge Wells Borough Council');
    expect(view(element).getByRole('button', { name: 'Accept analytics cookies' })).toBeTruthy();
    expect(view(element).getByRole('button', { name: 'Reject analytics cookies' })).toBeTruthy();
    expect(view(element).getByRole('button', { name: 'Choose which cookies to use' })).toBeTruthy();
    expect(view(element).getByRole('link', { name: 'Read our cookie policy' }).getAttribute('href')).toBe(
      'https://www.tunbridgewells.gov.uk/privacy-and-cookies',
    );
  });

  it('confirms the choice, moves focus to the confirmation, and hides', async () => {
    const consent = exampleConsent(example('analytics'));
    const element = await mountExample('cookie-banner', example('analytics'), document.body, consent);
    const reject = view(element).getByRole('button', { name: 'Reject analytics cookies' });
    reject.focus();
    reject.click();
    await element.updateComplete;
    expect(consent.state.isGranted('analytics')).toBe(false);
    expect(consent.state.record?.method).toBe('reject');
    const confirmation = element.shadowRoot!.querySelector('.confirmation')!;
    expect(confirmation.textContent!.replace(/\s+/g, ' ').trim()).toBe(
      'You’ve rejected analytics cookies. You can change your cookie settings at any time.',
    );
    expect(element.shadowRoot!.activeElement).toBe(confirmation);
    await vi.waitFor(() => expect(document.documentElement.style.paddingBottom).not.toBe(''));
    view(element).getByRole('button', { name: 'Hide cookie message' }).click();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.banner')).toBeNull();
    expect(document.documentElement.style.paddingBottom).toBe('');
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
  });

  it('rewrites the confirmation when the resident changes their mind again', async () => {
    const consent = exampleConsent(example('analytics'));
    const element = await mountExample('cookie-banner', example('analytics'), document.body, consent);
    consent.state.answerAll(true, 'api');
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).toContain('You’ve accepted analytics cookies.');
    consent.state.answerAll(false, 'preferences');
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).toContain('You’ve rejected analytics cookies.');
  });

  it('ends the question without a confirmation when the choice was made in another tab', async () => {
    let cookie: string | undefined;
    const shared = {
      read: () => cookie,
      write: (value: string) => {
        cookie = value;
        return true;
      },
      remove: () => {
        cookie = undefined;
      },
    };
    const { catalog } = example('analytics');
    const here = { catalog, state: new ConsentState(catalog, shared, false), showPreferences: () => undefined };
    const element = await mountExample('cookie-banner', example('analytics'), document.body, here);
    new ConsentState(catalog, shared, false).answerAll(true, 'accept');
    here.state.refresh();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.banner')).toBeNull();
  });

  it('under Global Privacy Control asks for statistics-exemption cookies as for any other', async () => {
    const each = { ...example('statistics-exemption'), gpc: true };
    const consent = exampleConsent(each);
    const element = await mountExample('cookie-banner', each, document.body, consent);
    expect(consent.state.isGranted('analytics')).toBe(false);
    expect(view(element).queryByRole('button', { name: 'Keep analytics cookies on' })).toBeNull();
    view(element).getByRole('button', { name: 'Accept analytics cookies' }).click();
    expect(consent.state.isGranted('analytics')).toBe(true);
  });

  it('opens the preferences from "Choose which cookies to use"', async () => {
    const showPreferences = vi.fn();
    const element = await mountExample(
      'cookie-banner',
      example('analytics'),
      document.body,
      exampleConsent(example('analytics'), showPreferences),
    );
    const choose = view(element).getByRole('button', { name: 'Choose which cookies to use' });
    choose.click();
    expect(showPreferences).toHaveBeenCalledWith(choose);
  });

  it('says "additional cookies" when there is more than one optional category', async () => {
    const element = await mountExample('cookie-banner', example('additional'));
    expect(view(element).getByRole('button', { name: 'Accept additional cookies' })).toBeTruthy();
    expect(view(element).getByRole('button', { name: 'Reject additional cookies' })).toBeTruthy();
  });

  it('offers to turn off statistics-exemption cookies, as prominently as keeping them', async () => {
    const consent = exampleConsent(example('statistics-exemption'));
    expect(consent.state.isGranted('analytics')).toBe(true);
    const element = await mountExample('cookie-banner', example('statistics-exemption'), document.body, consent);
    const keep = view(element).getByRole('button', { name: 'Keep analytics cookies on' });
    const off = view(element).getByRole('button', { name: 'Turn off analytics cookies' });
    expect(keep.className).toBe(off.className);
    expect(view(element).getByText(/to count visits/).textContent).toContain('analytics cookies (optional)');
    off.click();
    expect(consent.state.isGranted('analytics')).toBe(false);
  });

  it('names Global Privacy Control when the browser sends it', async () => {
    const element = await mountExample('cookie-banner', example('global-privacy-control'));
    expect(view(element).getByText(/Global Privacy Control/)).toBeTruthy();
    expect(view(element).getByRole('button', { name: 'Accept analytics cookies' })).toBeTruthy();
  });

  it('speaks Welsh, and takes the catalogue’s own wording for a regional tag over the built-in', async () => {
    const welsh = await mountExample('cookie-banner', example('welsh'));
    expect(view(welsh).getByRole('button', { name: 'Derbyn cwcis dadansoddi' })).toBeTruthy();
    const regional = await mountExample('cookie-banner', example('catalogue-wording'));
    expect(view(regional).getByRole('heading').textContent).toBe('Cwcis ar Tunbridge Wells Borough Council (GB)');
    expect(view(regional).getByRole('button', { name: 'Derbyn cwcis dadansoddi' })).toBeTruthy();
  });

  it('marks English wording lang="en" in a language without wording, and nothing otherwise', async () => {
    const polish = await mountExample('cookie-banner', example('language-without-wording'));
    expect(view(polish).getByRole('region').getAttribute('lang')).toBe('en');
    expect(view(polish).getByRole('button', { name: 'Accept analytics cookies' })).toBeTruthy();
    for (const lang of ['cy', 'en-GB']) {
      const element = await mountExample('cookie-banner', { ...example('analytics'), lang });
      expect(view(element).getByRole('region').hasAttribute('lang')).toBe(false);
    }
    const withPolish = await mountExample('cookie-banner', {
      ...example('language-without-wording'),
      catalog: { ...example('analytics').catalog, text: { pl: { bannerTitle: 'Pliki cookie: {site}' } } },
    });
    expect(view(withPolish).getByRole('region').hasAttribute('lang')).toBe(false);
  });
});
