/**
 * The docs bundle. On an element's page it sizes each live example's frame to what the example
 * shows; in a frame (example.html?element=…&example=…) it mounts that example: the real element,
 * registered by its own define.ts, given its example's catalogue, stored choice and language.
 */
import '../../../src/ui/cookie-banner/define.js';
import '../../../src/ui/cookie-preferences/define.js';
import '../../../src/ui/cookie-table/define.js';
import '../../../src/ui/cookie-embed-placeholder/define.js';
import { bannerExamples } from '../../../src/ui/cookie-banner/cookie-banner.examples.js';
import { placeholderExamples } from '../../../src/ui/cookie-embed-placeholder/cookie-embed-placeholder.examples.js';
import { preferencesExamples } from '../../../src/ui/cookie-preferences/cookie-preferences.examples.js';
import { tableExamples } from '../../../src/ui/cookie-table/cookie-table.examples.js';
import { type ElementExample, exampleConsent, mountExample } from '../../../src/ui/examples/element-example.js';
import type { PageConsent } from '../../../src/ui/page-consent-context.js';

const EXAMPLES = {
  'cookie-banner': bannerExamples,
  'cookie-preferences': preferencesExamples,
  'cookie-table': tableExamples,
  'cookie-embed-placeholder': placeholderExamples,
} satisfies Record<string, ElementExample[]>;

type Tag = keyof typeof EXAMPLES;

/** The preferences dialog of an example, made on first use, as the library makes the page's. */
async function showPreferences(consent: PageConsent, parent: Element, opener?: Element | null): Promise<void> {
  let dialog = parent.querySelector('cookie-preferences');
  if (!dialog) {
    dialog = document.createElement('cookie-preferences');
    dialog.consent = consent;
    parent.append(dialog);
    await dialog.updateComplete;
  }
  await dialog.show(opener ?? null);
}

async function mountFromAddress(main: HTMLElement): Promise<void> {
  const query = new URLSearchParams(location.search);
  const tag = query.get('element') as Tag;
  const example = EXAMPLES[tag]?.find((candidate) => candidate.name === query.get('example'));
  if (!example) {
    main.textContent = `There is no example "${query.get('example')}" of <${query.get('element')}>.`;
    return;
  }
  document.title = `${example.name} – <${tag}> example`;
  main.replaceChildren();
  const consent: PageConsent = exampleConsent(example, (opener) => void showPreferences(consent, main, opener));
  if (tag === 'cookie-preferences') {
    // A dialog that opened by itself would take the focus of the page around it: it waits to be asked.
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'open-settings';
    button.textContent = 'Open cookie settings';
    main.append(button);
    const dialog = await mountExample(tag, example, main, consent);
    button.addEventListener('click', () => dialog.show(button));
  } else await mountExample(tag, example, main, consent);
  document.body.dataset.mounted = '';
}

/** A frame as tall as its document (the banner reserves its own height as padding on <html>). */
function fitFrame(frame: HTMLIFrameElement): void {
  const fitToDocument = () => {
    const root = frame.contentDocument?.documentElement;
    if (!root) return;
    const resize = () => {
      frame.style.height = `${root.scrollHeight}px`;
    };
    new ResizeObserver(resize).observe(root, { box: 'border-box' });
    resize();
  };
  frame.addEventListener('load', fitToDocument);
  // A frame that loaded before this script ran has no load event left to fire.
  if (frame.contentDocument?.readyState === 'complete' && frame.contentWindow?.location.href !== 'about:blank') fitToDocument();
}

const frameMain = document.querySelector<HTMLElement>('.example-frame-page #example');
if (frameMain) void mountFromAddress(frameMain);
else
  for (const frame of document.querySelectorAll<HTMLIFrameElement>('iframe.example-frame:not(.example-frame--cookie-preferences)'))
    fitFrame(frame);
