import { within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../wording/cy.js';
import { axeViolations } from '../examples/axe-check.js';
import { exampleConsent, mountExample } from '../examples/element-example.js';
import { preferencesExamples } from './cookie-preferences.examples.js';
import { CookiePreferences } from './cookie-preferences.js';
import './define.js';

const example = (name: string) => preferencesExamples.find((candidate) => candidate.name === name)!;

afterEach(() => document.body.replaceChildren());

async function opened(name: string, consent = exampleConsent(example(name))) {
  const element = await mountExample('cookie-preferences', example(name), document.body, consent);
  await element.show();
  const dialog = within(element.shadowRoot as unknown as HTMLElement).getByRole('dialog') as HTMLDialogElement;
  return { element, dialog, view: within(dialog), consent };
}

describe('<cookie-preferences> examples', () => {
  for (const each of preferencesExamples)
    it(`${each.name}: opens as a modal dialog, and axe finds nothing`, async () => {
      const { element, dialog } = await opened(each.name);
      expect(dialog.open).toBe(true);
      expect(await axeViolations(element)).toEqual([]);
      element.close();
    });
});

describe('<cookie-preferences>', () => {
  it('stands on its own: registered, and empty until it has a consent to show', async () => {
    expect(customElements.get('cookie-preferences')).toBe(CookiePreferences);
    const element = document.createElement('cookie-preferences');
    document.body.append(element);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('dialog')).toBeNull();
  });

  it('shows each category with its choice, and saves', async () => {
    const { dialog, view, consent } = await opened('first-visit');
    expect(view.getByText('Always on')).toBeTruthy();
    const group = view.getByRole('group', { name: 'Analytics cookies (optional)' });
    expect((within(group).getByRole('radio', { name: 'Off' }) as HTMLInputElement).checked).toBe(true);
    expect(within(group).getByRole('table')).toBeTruthy();
    within(group).getByRole('radio', { name: 'On' }).click();
    view.getByRole('button', { name: 'Save cookie settings' }).click();
    expect(consent.state.isGranted('analytics')).toBe(true);
    expect(consent.state.record?.method).toBe('preferences');
    expect(dialog.open).toBe(false);
  });

  it('shows the answers already given, and a second category’s own choice', async () => {
    const { view, element } = await opened('several-categories');
    const video = view.getByRole('group', { name: 'Video cookies (optional)' });
    expect((within(video).getByRole('radio', { name: 'On' }) as HTMLInputElement).checked).toBe(true);
    const analytics = view.getByRole('group', { name: 'Analytics cookies (optional)' });
    expect((within(analytics).getByRole('radio', { name: 'Off' }) as HTMLInputElement).checked).toBe(true);
    element.close();
  });

  it('returns focus to what opened it, and closes without saving', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    const consent = exampleConsent(example('first-visit'));
    const element = await mountExample('cookie-preferences', example('first-visit'), document.body, consent);
    opener.focus();
    await element.show();
    within(element.shadowRoot as unknown as HTMLElement)
      .getByRole('button', { name: 'Close' })
      .click();
    expect(document.activeElement).toBe(opener);
    expect(consent.state.record).toBeUndefined();
  });

  it('speaks Welsh, and marks English wording in a language without wording', async () => {
    const welsh = await opened('welsh');
    expect(welsh.view.getByRole('heading', { level: 2 }).textContent).toBe('Gosodiadau cwcis');
    welsh.element.close();
    const polish = await opened('language-without-wording');
    expect(polish.dialog.getAttribute('lang')).toBe('en');
    polish.element.close();
  });
});

describe('<cookie-preferences> and the consent id', () => {
  it('shows the stored choice’s consent id, and copies it', async () => {
    const { view, element, consent } = await opened('accepted');
    const id = consent.state.record!.consentId;
    expect(view.getByText(id).tagName).toBe('CODE');
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void writes.push(text) },
    });
    view.getByRole('button', { name: 'Copy' }).click();
    await vi.waitFor(() => expect(view.getByRole('status').textContent).toBe('Copied'));
    expect(writes).toEqual([id]);
    element.close();
  });

  it('shows no id before the resident has chosen', async () => {
    const { view, element } = await opened('first-visit');
    expect(view.queryByText('Your consent ID', { exact: false })).toBeNull();
    element.close();
  });
});
