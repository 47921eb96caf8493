import { BUNDLED_CATALOGUES } from 'virtual:editor-build';
import { html, nothing, type TemplateResult } from 'lit';
import type { EditorApp } from '../editor-app.js';
import { blankStart, bundledStart, cookieControlStart, fileStart, policyStart, type Start, StartError } from '../model/starting-points.js';

type Json = Record<string, unknown>;

/** The import's placeholder name, and its command-line advice, in the editor's words. */
const PLACEHOLDER_SITE_NAME = /^Council name \(set it with --site-name\)$/;
function forTheForm(start: Start): Start {
  const site = start.catalog.site as Json | undefined;
  if (site && typeof site.name === 'string' && PLACEHOLDER_SITE_NAME.test(site.name)) site.name = '';
  const notes = start.notes?.map((note) => ({
    ...note,
    text: note.text
      .replace(/ \(or give --(site-name|domain)\)/g, '')
      .replace(/not found; give --site-name/, 'not found in the policy: enter it in the form'),
  }));
  return { ...start, notes };
}

/** Begins from a start, or says (in an alert by the start options) why it cannot. */
function tryStart(app: EditorApp, make: () => Start): void {
  let start: Start;
  try {
    start = forTheForm(make());
  } catch (error) {
    const message =
      error instanceof StartError ? error.message : `Something went wrong reading it (${(error as Error).message}). Nothing was changed.`;
    app.state.startError = message;
    app.renderNow();
    app.root.querySelector<HTMLElement>('#start-error')?.focus();
    return;
  }
  app.begin(start);
}

async function openFile(app: EditorApp, file: File | undefined): Promise<void> {
  if (!file) return;
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    tryStart(app, () => {
      throw new StartError(`${file.name} could not be read (${(error as Error).message}).`);
    });
    return;
  }
  tryStart(app, () => fileStart(text, file.name));
}

const value = (app: EditorApp, selector: string) => app.root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)?.value ?? '';

/** The ways to begin: blank, a bundled council, a file (opened or dropped), a pasted policy or Cookie Control set-up. */
export function startView(app: EditorApp): TemplateResult {
  const { startError, choosingStart, start } = app.state;
  const dragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    (event.currentTarget as HTMLElement).classList.add('start--dragging');
  };
  const dragLeave = (event: DragEvent) => (event.currentTarget as HTMLElement).classList.remove('start--dragging');
  const drop = (event: DragEvent) => {
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.remove('start--dragging');
    void openFile(app, event.dataTransfer?.files[0]);
  };
  return html`<section class="start" aria-labelledby="start-heading" @dragover=${dragOver} @dragleave=${dragLeave} @drop=${drop}>
    <h2 id="start-heading" tabindex="-1">${choosingStart ? 'Start again from' : 'Start from'}</h2>
    ${
      choosingStart && start
        ? html`<p>
          Choosing a new start replaces the catalogue you are editing (from ${start.from}).
          <button type="button" class="button button--secondary" @click=${() => app.change(() => (app.state.choosingStart = false))}>
            Keep editing
          </button>
        </p>`
        : nothing
    }
    ${
      startError
        ? html`<div class="error-summary" id="start-error" role="alert" tabindex="-1">
          <h3 class="error-summary__title">That could not be used</h3>
          <p>${startError}</p>
        </div>`
        : nothing
    }
    <div class="start__options">
      <div class="start__option">
        <h3>A blank catalogue</h3>
        <p>The essential category with its consent cookie, for you to fill in.</p>
        <button type="button" class="button" @click=${() => tryStart(app, blankStart)}>Start a blank catalogue</button>
      </div>
      <div class="start__option">
        <h3>A council’s catalogue</h3>
        <p>One of the catalogues that come with the library, written from those councils’ own policies.</p>
        <div class="field">
          <label class="label" for="bundled-catalogue">Council</label>
          <select id="bundled-catalogue" class="select">
            ${BUNDLED_CATALOGUES.map(
              ({ file, catalog }) =>
                html`<option value=${file}>${(catalog as { site?: { name?: string } }).site?.name ?? file} (${file})</option>`,
            )}
          </select>
        </div>
        <button
          type="button"
          class="button"
          @click=${() =>
            tryStart(app, () => {
              const chosen = BUNDLED_CATALOGUES.find(({ file }) => file === value(app, '#bundled-catalogue'))!;
              return bundledStart(chosen.file, chosen.catalog);
            })}
        >
          Start from this catalogue
        </button>
      </div>
      <div class="start__option start__option--file">
        <h3>A file on your computer</h3>
        <p id="open-file-hint">
          Your catalogue (.json), or your cookie policy page (.html, .txt) or Cookie Control script (.js) to import. You can also drop a file
          anywhere here.
        </p>
        <div class="field">
          <label class="label" for="open-file">Choose a file</label>
          <input
            id="open-file"
            class="file-input"
            type="file"
            accept=".json,.html,.htm,.txt,.js,application/json,text/html,text/plain,text/javascript"
            aria-describedby="open-file-hint"
            @change=${(event: Event) => {
              const input = event.target as HTMLInputElement;
              void openFile(app, input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </div>
      </div>
      <div class="start__option start__option--wide">
        <h3>Your cookie policy</h3>
        <div class="field">
          <label class="label" for="policy-text">Paste your cookie policy</label>
          <p class="hint" id="policy-text-hint">
            Copy your cookie policy page (its text, or its HTML) and paste it here. Its cookie tables are read by the same importer as the
            command line’s <code>import</code>; what it could not read becomes a question at the field it is about.
          </p>
          <textarea id="policy-text" class="input" rows="8" aria-describedby="policy-text-hint" spellcheck="false"></textarea>
        </div>
        <div class="field">
          <label class="label" for="policy-site-name">Council name (optional)</label>
          <p class="hint" id="policy-site-name-hint">Otherwise taken from the policy where it says it.</p>
          <input id="policy-site-name" class="input" type="text" autocomplete="organization" aria-describedby="policy-site-name-hint" />
        </div>
        <div class="field">
          <label class="label" for="policy-domain">Website domain (optional)</label>
          <p class="hint" id="policy-domain-hint">Such as example.gov.uk; otherwise the gov.uk domain the policy mentions most.</p>
          <input id="policy-domain" class="input input--medium" type="text" autocomplete="off" spellcheck="false" aria-describedby="policy-domain-hint" />
        </div>
        <button
          type="button"
          class="button"
          @click=${() =>
            tryStart(app, () =>
              policyStart(value(app, '#policy-text'), { siteName: value(app, '#policy-site-name'), domain: value(app, '#policy-domain') }),
            )}
        >
          Read the policy
        </button>
      </div>
      <div class="start__option start__option--wide">
        <h3>Your Cookie Control configuration</h3>
        <div class="field">
          <label class="label" for="cookie-control-text">Paste your Cookie Control configuration</label>
          <p class="hint" id="cookie-control-text-hint">
            The script on your site that calls <code>CookieControl.load({ … })</code>, or the object it gives it. Its categories, cookies
            and consent cookie become the catalogue, and residents’ Cookie Control choices are taken over.
          </p>
          <textarea id="cookie-control-text" class="input" rows="8" aria-describedby="cookie-control-text-hint" spellcheck="false"></textarea>
        </div>
        <button type="button" class="button" @click=${() => tryStart(app, () => cookieControlStart(value(app, '#cookie-control-text')))}>
          Read the configuration
        </button>
      </div>
    </div>
  </section>`;
}
