import { within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import '../../wording/cy.js';
import { axeViolations } from '../examples/axe-check.js';
import { exampleConsent, mountExample } from '../examples/element-example.js';
import { CookieEmbedPlaceholder } from './cookie-embed-placeholder.js';
import { placeholderExamples } from './cookie-embed-placeholder.examples.js';
import './define.js';

const example = (name: string) => placeholderExamples.find((candidate) => candidate.name === name)!;
const view = (element: Element) => within(element.shadowRoot as unknown as HTMLElement);

afterEach(() => document.body.replaceChildren());

describe('<cookie-embed-placeholder> examples', () => {
  for (const each of placeholderExamples)
    it(`${each.name}: a button that begins "Accept", and axe finds nothing`, async () => {
      const element = await mountExample('cookie-embed-placeholder', each);
      expect(view(element).getAllByRole('button').map((button) => button.textContent!.trim())).toEqual([expect.stringMatching(/^(Accept|Derbyn)/)]);
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
    expect(view(element).getByText(/This content from YouTube is hidden/)).toBeTruthy();
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
    view(element).getByRole('button', { name: /^Accept/ }).click();
    expect(consent.state.granted()).toEqual({ analytics: true, video: true });
  });
});
