import { within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import '../../wording/cy.js';
import { axeViolations } from '../examples/axe-check.js';
import { exampleConsent, mountExample } from '../examples/element-example.js';
import { placeholderExamples } from './cookie-embed-placeholder.examples.js';
import { CookieEmbedPlaceholder } from './cookie-embed-placeholder.js';
import './define.js';

const example = (name: string) => placeholderExamples.find((candidate) => candidate.name === name)!;
const view = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);
const withAttributes = (name: string, attributes: Record<string, string>) => ({
  ...example(name),
  attributes: { ...example(name).attributes, ...attributes },
});

afterEach(() => document.body.replaceChildren());

describe('<cookie-embed-placeholder> examples', () => {
  for (const each of placeholderExamples)
    it(`${each.name}: says the content is hidden, links to it, and axe finds nothing`, async () => {
      const element = await mountExample('cookie-embed-placeholder', each);
      expect(view(element).getByText(/hidden|wedi’i guddio/)).toBeTruthy();
      expect(view(element).getByRole('link')).toBeTruthy();
      expect(await axeViolations(element)).toEqual([]);
    });
});

describe('<cookie-embed-placeholder>', () => {
  it('is the element registered, and takes what it says from attributes set before it was defined', async () => {
    expect(customElements.get('cookie-embed-placeholder')).toBe(CookieEmbedPlaceholder);
    const element = await mountExample('cookie-embed-placeholder', example('video'));
    expect(element.category).toBe('video');
    expect(element.provider).toBe('YouTube');
  });

  it('says whose content it is, links to it, and grants only its category', async () => {
    const consent = exampleConsent(example('video'));
    const element = await mountExample('cookie-embed-placeholder', example('video'), document.body, consent);
    expect(view(element).getByText(/^This content/).textContent).toBe(
      'This content from YouTube is hidden because it would set cookies you have not accepted.',
    );
    expect(view(element).getByRole('link', { name: 'Open this content in a new page' }).getAttribute('href')).toBe(
      'https://www.youtube-nocookie.com/embed/council-meeting',
    );
    view(element).getByRole('button', { name: 'Accept video cookies and show' }).click();
    expect(consent.state.granted()).toEqual({ analytics: false, video: true });
    expect(consent.state.needsAnswer).toBe(true);
  });

  it('grants every category an embed waits for', async () => {
    const consent = exampleConsent(example('several-categories'));
    const element = await mountExample('cookie-embed-placeholder', example('several-categories'), document.body, consent);
    view(element)
      .getByRole('button', { name: /^Accept/ })
      .click();
    expect(consent.state.granted()).toEqual({ analytics: true, video: true });
  });

  it('reads as a sentence without a data-provider, in English and in Welsh', async () => {
    const english = await mountExample('cookie-embed-placeholder', example('no-provider'));
    expect(view(english).getByText(/^This content/).textContent).toBe(
      'This content is hidden because it would set cookies you have not accepted.',
    );
    const welsh = await mountExample('cookie-embed-placeholder', { ...example('no-provider'), lang: 'cy' });
    expect(view(welsh).getByText(/^Mae’r cynnwys/).textContent).toBe(
      'Mae’r cynnwys hwn wedi’i guddio oherwydd byddai’n gosod cwcis nad ydych wedi’u derbyn.',
    );
    expect(view(welsh).getByRole('button', { name: 'Derbyn cwcis fideo a dangos' })).toBeTruthy();
  });

  it('has no accept button for a category the catalogue does not declare, but keeps the link', async () => {
    const consent = exampleConsent(example('undeclared-category'));
    const element = await mountExample('cookie-embed-placeholder', example('undeclared-category'), document.body, consent);
    expect(view(element).queryByRole('button')).toBeNull();
    expect(view(element).getByRole('link', { name: 'Open this content in a new page' })).toBeTruthy();
    expect(consent.state.needsAnswer).toBe(false);
  });

  it('has no accept button for "essential", nor when one of several categories is undeclared', async () => {
    for (const category of ['essential', 'video marketing']) {
      const element = await mountExample('cookie-embed-placeholder', withAttributes('video', { category }));
      expect(view(element).queryByRole('button')).toBeNull();
    }
  });

  it('has neither button nor link when the address is not http(s) or relative: there would be nothing to show', async () => {
    for (const src of ['javascript:alert(1)', 'data:text/html,<p>x</p>']) {
      const element = await mountExample('cookie-embed-placeholder', withAttributes('video', { src }));
      expect(view(element).queryByRole('button')).toBeNull();
      expect(view(element).queryByRole('link')).toBeNull();
    }
  });

  for (const [width, minHeight] of [
    ['280px', '60px'],
    ['300px', '80px'],
    ['100px', '20px'],
    ['50%', '40px'],
  ])
    it(`at ${width} × ${minHeight}, grows to hold its words: nothing overflows it or is clipped`, async () => {
      const element = await mountExample('cookie-embed-placeholder', example('video'));
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
