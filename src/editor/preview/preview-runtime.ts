/**
 * The editor's live preview: the resident-facing elements themselves, standing on their own in a
 * frame of their own (so the banner's phone layout follows the frame's width, as on a phone),
 * each given a consent over an in-memory choice. The editor sends what to show by message; the
 * frame is sandboxed without same-origin, so catalogue text can reach nothing of the editor's.
 */
import '../../ui/cookie-banner/define.js';
import '../../ui/cookie-preferences/define.js';
import '../../ui/cookie-table/define.js';
import type { Catalog } from '../../catalog/definition.js';
import { exampleConsent } from '../../ui/examples/element-example.js';
import { wordingFor } from '../../wording/wording.js';
import type { PreviewMessage } from './preview-messages.js';

const banner = document.createElement('cookie-banner');
const preferences = document.createElement('cookie-preferences');
const table = document.createElement('cookie-table');
const heading = document.createElement('h1');
const settings = document.createElement('button');

settings.type = 'button';
settings.className = 'settings';
settings.addEventListener('click', () => preferences.show(settings));
const main = document.createElement('main');
const paragraph = document.createElement('p');
paragraph.append(settings);
main.append(heading, paragraph, table);
// The council's own page around the elements: a header in its colour, the policy page's heading.
const header = document.createElement('header');
// The banner first in the reading order, as the library mounts it.
document.body.append(banner, header, main, preferences);

/** The custom properties set last, so a colour cleared in the editor goes back to its default. */
let colourNames: string[] = [];
let catalog: Catalog | undefined;

function show(next: Catalog, lang: string, colours: Record<string, string>): void {
  catalog = next;
  document.documentElement.lang = lang;
  for (const name of colourNames) document.documentElement.style.removeProperty(name);
  colourNames = Object.keys(colours).filter((name) => name.startsWith('--cookie-'));
  for (const name of colourNames) document.documentElement.style.setProperty(name, colours[name]);
  const wording = wordingFor(next, lang);
  heading.textContent = next.site.name;
  settings.textContent = wording.dialogTitle;
  askAgain();
}

/** A fresh consent, as a resident who has not chosen yet sees the site. */
function askAgain(): void {
  if (!catalog) return;
  preferences.close();
  const consent = exampleConsent({ name: 'preview', description: 'the editor’s preview', catalog }, (opener) =>
    preferences.show(opener ?? undefined),
  );
  // A new banner element: one hidden by "Hide cookie message" stays hidden.
  const fresh = document.createElement('cookie-banner');
  fresh.consent = consent;
  document.querySelector('cookie-banner')?.replaceWith(fresh);
  preferences.consent = consent;
  table.consent = consent;
}

window.addEventListener('message', (event: MessageEvent<PreviewMessage>) => {
  if (event.source !== window.parent) return;
  const message = event.data;
  if (message.type === 'show') show(message.catalog, message.lang, message.colours);
  else if (message.type === 'ask-again') askAgain();
  else if (message.type === 'open-preferences') preferences.show(settings);
});

window.parent.postMessage({ type: 'ready' }, '*');
