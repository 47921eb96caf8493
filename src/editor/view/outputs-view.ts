import { CORE_INTEGRITY, VERSION } from 'virtual:editor-build';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import '../../wording/cy.js';
import { cookieTables } from '../../ui/cookie-table/cookie-table-tree.js';
import { toHtml } from '../../ui/element-tree-html.js';
import { wordingFor } from '../../wording/wording.js';
import type { EditorApp } from '../editor-app.js';
import { fieldId } from '../model/field-names.js';
import { coloursCss, scriptTagSnippet } from '../model/snippet.js';
import { catalogueText } from '../model/tidy.js';
import { whatChanged } from '../model/what-changed.js';

/** Saves text as a file, in the browser (nothing is uploaded). */
function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Copies the text of a read-only box; says whether it worked. */
async function copy(app: EditorApp, id: string, what: string): Promise<void> {
  const box = app.root.querySelector<HTMLTextAreaElement>(`#${id}`);
  if (!box) return;
  try {
    await navigator.clipboard.writeText(box.value);
    app.announce(`Copied ${what}.`);
  } catch {
    box.focus();
    box.select();
    app.announce(`Could not copy ${what} here: it is selected, so copy it with Control and C (Command and C on a Mac).`);
  }
}

function readOnlyBox(app: EditorApp, id: string, label: string, text: string, what: string, rows = 8): TemplateResult {
  return html`<div class="field">
    <label class="label" for=${id}>${label}</label>
    <textarea id=${id} class="input output" rows=${rows} readonly spellcheck="false" .value=${live(text)}></textarea>
    <button type="button" class="button button--secondary" @click=${() => copy(app, id, what)}>Copy<span class="visually-hidden"> ${what}</span></button>
  </div>`;
}

/** Downloads the catalogue, or refuses while it has problems: every problem shows, and the summary says what to fix. */
function download(app: EditorApp): void {
  if (app.problems.length) {
    app.state.downloadRefused = true;
    app.renderNow();
    const summary = app.root.querySelector<HTMLElement>('#download-problems');
    summary?.focus();
    app.announce(
      `The catalogue was not downloaded: ${app.problemCount()} to fix. ${app.problems.map((p) => `${p.where}: ${p.message}`).join('. ')}`,
    );
    return;
  }
  saveFile(app.state.start!.fileName, catalogueText(app.state.catalog), 'application/json');
  app.announce(`Downloaded ${app.state.start!.fileName}.`);
}

/** Goes to the field (or group) a problem is shown at, opening what holds it. */
function goTo(app: EditorApp, place: string, field: boolean): void {
  const target =
    app.root.querySelector<HTMLElement>(`#${field ? fieldId(place) : `${fieldId(place || 'catalogue')}-problems`}`) ??
    app.root.querySelector<HTMLElement>(`#${fieldId(place)}-group`);
  if (!target) return;
  for (let details = target.closest('details'); details; details = details.parentElement?.closest('details') ?? null) details.open = true;
  if (!field) target.tabIndex = -1;
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

function problemSummary(app: EditorApp): TemplateResult {
  const { problems } = app;
  const refused = app.state.downloadRefused;
  if (!problems.length)
    return html`<p class="status status--ok" id="download-status">The catalogue has no problems: it can be downloaded.</p>`;
  return html`<div class="error-summary" id="download-problems" tabindex="-1" role="region" aria-labelledby="download-problems-title">
    <h3 class="error-summary__title" id="download-problems-title">
      ${refused ? 'The catalogue was not downloaded: ' : ''}${app.problemCount()} to fix before it can be downloaded
    </h3>
    <ul class="error-summary__list">
      ${problems
        .filter((problem) => refused || app.isVisible(problem))
        .map(
          (problem) => html`<li>
            <a
              href="#${problem.field ? fieldId(problem.place) : `${fieldId(problem.place || 'catalogue')}-problems`}"
              @click=${(event: Event) => {
                event.preventDefault();
                goTo(app, problem.place, problem.field);
              }}
              >${problem.where}: ${problem.message}</a
            >
          </li>`,
        )}
    </ul>
    ${problems.some((problem) => !app.isVisible(problem)) ? html`<p>Some are in fields you have not filled in yet.</p>` : nothing}
  </div>`;
}

export function outputsView(app: EditorApp): TemplateResult {
  const { catalog, start, output, colours } = app.state;
  const valid = app.check.catalog && !app.problems.length ? app.check.catalog : undefined;
  const review = valid?.review ? Object.keys(valid.review).length : 0;
  const changes = start ? whatChanged(start.catalog, catalog) : [];
  const tablesLang = output.tablesLang;
  const tables = valid
    ? cookieTables(valid, tablesLang, wordingFor(valid, tablesLang))
        .map((tree) => toHtml(tree))
        .join('\n')
    : '';
  const css = coloursCss(colours);
  const snippet = scriptTagSnippet({ ...output, integrity: CORE_INTEGRITY, version: VERSION });
  const setOutput = (change: Partial<typeof output>) => app.change(() => Object.assign(output, change));
  return html`<section class="outputs" aria-labelledby="outputs-heading">
    <h2 id="outputs-heading">Check and download</h2>
    ${problemSummary(app)}
    ${
      app.check.warnings.length
        ? html`<div class="notice"><h3>Warnings (the catalogue is still valid)</h3>
          <ul>${app.check.warnings.map((warning) => html`<li>${warning.message}</li>`)}</ul></div>`
        : nothing
    }
    ${
      review
        ? html`<p class="notice-text">
          It is a draft: ${review} question${review === 1 ? '' : 's'} from the import still to answer, shown at their fields. The library
          works with a draft, but read each question before you publish.
        </p>`
        : nothing
    }
    <p>
      <button type="button" class="button" id="download-catalogue" aria-describedby="download-hint" @click=${() => download(app)}>
        Download the catalogue
      </button>
    </p>
    <p class="hint" id="download-hint">
      Saved as ${start?.fileName ?? 'cookie-catalogue.json'}. Put it on your site, and check it in your build with
      <code>npx council-cookie-consent validate</code>.
    </p>

    <h3>What changed</h3>
    ${
      changes.length
        ? html`<p>Since ${start?.from}, for your change log:</p>
          <ul class="changes" id="what-changed">
            ${changes.map((change) => html`<li>${change}</li>`)}
          </ul>
          ${readOnlyBox(app, 'what-changed-text', 'The changes as text', changes.map((change) => `- ${change}`).join('\n'), 'the changes', 4)}`
        : html`<p id="what-changed">Nothing has changed since you started from ${start?.from}.</p>`
    }

    <h3>Tables for your cookie policy page</h3>
    ${
      valid
        ? html`<fieldset class="fieldset fieldset--inline">
            <legend class="legend">Language of the tables</legend>
            <div class="radios radios--inline">
              <div class="radio">
                <input type="radio" id="tables-en" name="tables-lang" .checked=${live(tablesLang === 'en')} @change=${() => setOutput({ tablesLang: 'en' })} />
                <label for="tables-en">English</label>
              </div>
              <div class="radio">
                <input type="radio" id="tables-cy" name="tables-lang" .checked=${live(tablesLang === 'cy')} @change=${() => setOutput({ tablesLang: 'cy' })} />
                <label for="tables-cy" lang="cy">Cymraeg</label>
              </div>
            </div>
          </fieldset>
          <p class="hint">
            Paste them inside <code>&lt;cookie-table&gt;&lt;/cookie-table&gt;</code> on the policy page: they show without JavaScript, and
            the element keeps them while they say what the catalogue says.
          </p>
          ${readOnlyBox(app, 'tables-html', 'The tables’ HTML', tables, 'the tables’ HTML')}`
        : html`<p class="hint">The tables appear once the catalogue has no problems.</p>`
    }

    <h3>The script tag for your site</h3>
    <div class="field">
      <label class="label" for="script-folder">Folder the library’s files go in</label>
      <p class="hint" id="script-folder-hint">
        Copy every <code>dist/council-cookie-consent.*.js</code> file of version ${VERSION} there: the script checks the parts it fetches by
        their hashes.
      </p>
      <input
        id="script-folder"
        class="input input--medium"
        type="text"
        spellcheck="false"
        aria-describedby="script-folder-hint"
        .value=${live(output.scriptFolder)}
        @input=${(event: Event) => setOutput({ scriptFolder: (event.target as HTMLInputElement).value })}
      />
    </div>
    <div class="field">
      <label class="label" for="catalog-url">Address of the catalogue on your site</label>
      <input
        id="catalog-url"
        class="input"
        type="text"
        spellcheck="false"
        .value=${live(output.catalogUrl)}
        @input=${(event: Event) => setOutput({ catalogUrl: (event.target as HTMLInputElement).value })}
      />
    </div>
    ${readOnlyBox(app, 'script-snippet', 'Put this in every page’s <head>', snippet, 'the script tag', 4)}
    <p class="hint">
      The <code>integrity</code> hash is that of <code>council-cookie-consent.iife.js</code> version ${VERSION}: a browser runs the file
      only if it is exactly that one.
    </p>
    ${css ? html`${readOnlyBox(app, 'colours-css', 'Your colours, for your site’s stylesheet', css, 'the colours', 6)}` : nothing}
  </section>`;
}
