import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import manifest from '../../custom-elements.json';
import { bannerExamples } from './cookie-banner/cookie-banner.examples.js';
import { CookieBanner } from './cookie-banner/cookie-banner.js';
import './cookie-banner/define.js';
import { placeholderExamples } from './cookie-embed-placeholder/cookie-embed-placeholder.examples.js';
import { CookieEmbedPlaceholder } from './cookie-embed-placeholder/cookie-embed-placeholder.js';
import './cookie-embed-placeholder/define.js';
import { preferencesExamples } from './cookie-preferences/cookie-preferences.examples.js';
import { CookiePreferences } from './cookie-preferences/cookie-preferences.js';
import './cookie-preferences/define.js';
import { tableExamples } from './cookie-table/cookie-table.examples.js';
import { CookieTable } from './cookie-table/cookie-table.js';
import './cookie-table/define.js';
import { mountExample } from './examples/element-example.js';

const ELEMENTS = {
  'cookie-banner': CookieBanner,
  'cookie-preferences': CookiePreferences,
  'cookie-table': CookieTable,
  'cookie-embed-placeholder': CookieEmbedPlaceholder,
} as const;
type Tag = keyof typeof ELEMENTS;

const documented = (tag: Tag) =>
  (manifest.modules as { declarations?: { tagName?: string; cssProperties?: { name: string }[] }[] }[])
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === tag)
    ?.cssProperties?.map((property) => property.name) ?? [];

/** The custom properties an element's styles read (`--_…` are the library's own, not an API). */
const read = (tag: Tag) =>
  new Set(
    ELEMENTS[tag].elementStyles
      .map((style) => ('cssText' in style ? style.cssText : [...style.cssRules].map((rule) => rule.cssText).join('')))
      .join('')
      .match(/--cookie-[a-z-]+/g),
  );

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('style');
});

describe('the theming API in custom-elements.json', () => {
  for (const tag of Object.keys(ELEMENTS) as Tag[])
    it(`<${tag}> documents only custom properties its styles read`, () => {
      expect(documented(tag).length).toBeGreaterThan(0);
      for (const name of documented(tag)) expect(read(tag), `${name} is documented but never read`).toContain(name);
    });

  it('documents every custom property any element reads, on at least one element', () => {
    const everyDocumented = new Set((Object.keys(ELEMENTS) as Tag[]).flatMap(documented));
    for (const tag of Object.keys(ELEMENTS) as Tag[])
      for (const name of read(tag)) expect(everyDocumented, `<${tag}> reads ${name}`).toContain(name);
  });
});

/** A colour no default uses, so finding it proves the property took effect. */
const MARK = 'rgb(1, 2, 3)';

type Where = 'root' | 'element';
/** Sets a custom property on :root or on the element itself: both must work. */
function setProperty(where: Where, element: HTMLElement, name: string, value: string) {
  (where === 'root' ? document.documentElement : element).style.setProperty(name, value);
}

const shadow = (element: Element, selector: string) => element.shadowRoot!.querySelector<HTMLElement>(selector)!;

interface ColourCase {
  property: string;
  /** The element's shadow node that shows it. */
  node: string;
  /** The computed style that carries the colour. */
  style: string;
  /** The state to put the node in first. */
  state?: 'hover' | 'focus';
  pseudo?: string;
}

const BANNER: ColourCase[] = [
  { property: '--cookie-banner-background', node: '.banner', style: 'background-color' },
  { property: '--cookie-banner-border-color', node: '.banner', style: 'border-top-color' },
  { property: '--cookie-banner-shadow-color', node: '.banner', style: 'box-shadow' },
  { property: '--cookie-text-color', node: 'p', style: 'color' },
  { property: '--cookie-button-background', node: '[part~=accept-button]', style: 'background-color' },
  { property: '--cookie-button-color', node: '[part~=accept-button]', style: 'color' },
  { property: '--cookie-button-shadow-color', node: '[part~=accept-button]', style: 'box-shadow' },
  { property: '--cookie-button-hover-background', node: '[part~=accept-button]', style: 'background-color', state: 'hover' },
  { property: '--cookie-secondary-button-background', node: '[part~=choose-button]', style: 'background-color' },
  { property: '--cookie-secondary-button-color', node: '[part~=choose-button]', style: 'color' },
  { property: '--cookie-secondary-button-shadow-color', node: '[part~=choose-button]', style: 'box-shadow' },
  { property: '--cookie-secondary-button-hover-background', node: '[part~=choose-button]', style: 'background-color', state: 'hover' },
  { property: '--cookie-link-color', node: '[part~=policy-link]', style: 'color' },
  { property: '--cookie-focus-color', node: '[part~=choose-button]', style: 'background-color', state: 'focus' },
  { property: '--cookie-focus-text-color', node: '[part~=choose-button]', style: 'color', state: 'focus' },
];

const DIALOG: ColourCase[] = [
  { property: '--cookie-dialog-background', node: 'dialog', style: 'background-color' },
  { property: '--cookie-dialog-backdrop', node: 'dialog', style: 'background-color', pseudo: '::backdrop' },
  { property: '--cookie-dialog-shadow-color', node: 'dialog', style: 'box-shadow' },
  { property: '--cookie-table-border-color', node: '.cookie-table__cell', style: 'border-bottom-color' },
  { property: '--cookie-text-color', node: 'p', style: 'color' },
  { property: '--cookie-button-background', node: '[part~=save-button]', style: 'background-color' },
  { property: '--cookie-button-background', node: 'input[type=radio]', style: 'accent-color' },
  { property: '--cookie-button-color', node: '[part~=save-button]', style: 'color' },
  { property: '--cookie-button-shadow-color', node: '[part~=save-button]', style: 'box-shadow' },
  { property: '--cookie-button-hover-background', node: '[part~=save-button]', style: 'background-color', state: 'hover' },
  { property: '--cookie-secondary-button-background', node: '[part~=close-button]', style: 'background-color' },
  { property: '--cookie-secondary-button-color', node: '[part~=close-button]', style: 'color' },
  { property: '--cookie-secondary-button-shadow-color', node: '[part~=close-button]', style: 'box-shadow' },
  { property: '--cookie-secondary-button-hover-background', node: '[part~=close-button]', style: 'background-color', state: 'hover' },
  { property: '--cookie-focus-color', node: '[part~=save-button]', style: 'background-color', state: 'focus' },
  { property: '--cookie-focus-text-color', node: '[part~=save-button]', style: 'color', state: 'focus' },
];

const TABLE: ColourCase[] = [{ property: '--cookie-table-border-color', node: '.cookie-table__cell', style: 'border-bottom-color' }];

const PLACEHOLDER: ColourCase[] = [
  { property: '--cookie-placeholder-background', node: '.box', style: 'background-color' },
  { property: '--cookie-table-border-color', node: '.box', style: 'border-top-color' },
  { property: '--cookie-text-color', node: 'p', style: 'color' },
  { property: '--cookie-button-background', node: '[part~=button]', style: 'background-color' },
  { property: '--cookie-button-color', node: '[part~=button]', style: 'color' },
  { property: '--cookie-button-shadow-color', node: '[part~=button]', style: 'box-shadow' },
  { property: '--cookie-button-hover-background', node: '[part~=button]', style: 'background-color', state: 'hover' },
  { property: '--cookie-link-color', node: '[part~=link]', style: 'color' },
  { property: '--cookie-focus-color', node: '[part~=button]', style: 'background-color', state: 'focus' },
  { property: '--cookie-focus-text-color', node: '[part~=button]', style: 'color', state: 'focus' },
];

const mounted: Record<Tag, () => Promise<HTMLElement>> = {
  'cookie-banner': () => mountExample('cookie-banner', bannerExamples.find((each) => each.name === 'analytics')!),
  'cookie-preferences': async () => {
    const element = await mountExample('cookie-preferences', preferencesExamples.find((each) => each.name === 'first-visit')!);
    await element.show();
    return element;
  },
  'cookie-table': () => mountExample('cookie-table', tableExamples.find((each) => each.name === 'one-category')!),
  'cookie-embed-placeholder': () => mountExample('cookie-embed-placeholder', placeholderExamples.find((each) => each.name === 'video')!),
};

/** Puts the node in the state, or in none: a dialog opens with focus on its first button. */
async function enter(node: HTMLElement, state: ColourCase['state']) {
  ((node.getRootNode() as ShadowRoot).activeElement as HTMLElement | null)?.blur();
  if (state === 'hover') await userEvent.hover(node);
  if (state === 'focus') {
    // Focus from the keyboard, as :focus-visible means it.
    await userEvent.keyboard('{Shift}');
    node.focus();
    expect(node.matches(':focus-visible')).toBe(true);
  }
}

describe('every colour is a custom property, set on :root or on the element', () => {
  const cases: [Tag, ColourCase[]][] = [
    ['cookie-banner', BANNER],
    ['cookie-preferences', DIALOG],
    ['cookie-table', TABLE],
    ['cookie-embed-placeholder', PLACEHOLDER],
  ];
  for (const [tag, colours] of cases)
    for (const where of ['root', 'element'] as Where[])
      for (const { property, node, style, state, pseudo } of colours)
        it(`<${tag}>: ${property} on ${where === 'root' ? ':root' : 'the element'} colours ${node}${pseudo ?? ''} ${style}${state ? ` (${state})` : ''}`, async () => {
          const element = await mounted[tag]();
          expect(documented(tag)).toContain(property);
          const target = shadow(element, node);
          await enter(target, state);
          const before = getComputedStyle(target, pseudo).getPropertyValue(style);
          expect(before).not.toContain(MARK);
          setProperty(where, element, property, MARK);
          expect(getComputedStyle(target, pseudo).getPropertyValue(style)).toContain(MARK);
          if (state === 'hover') await userEvent.unhover(target);
        });
});
