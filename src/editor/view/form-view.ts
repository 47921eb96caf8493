import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { pickText } from '../../catalog/local-text.js';
import { MESSAGE_KEYS } from '../../catalog/wording-keys.js';
import { cy } from '../../wording/cy.js';
import { en } from '../../wording/en.js';
import type { EditorApp } from '../editor-app.js';
import { fieldHelp } from '../model/field-help.js';
import { fieldId, fieldLabel } from '../model/field-names.js';
import { removeValueAt, valueAt } from '../model/paths.js';
import { proposedRevision } from '../model/revision.js';
import { addCategoryControls, categoryView } from './category-view.js';
import { fieldErrors, groupProblems, plainText, reviewQuestions, shownText, textField, wholeNumber } from './fields.js';
import { keyOf } from './item-keys.js';

type Json = Record<string, unknown>;

const field = (app: EditorApp, path: string, options: Partial<Parameters<typeof textField>[1]> = {}) =>
  textField(app, {
    path,
    label: fieldLabel(path)!,
    value: shownText(valueAt(app.state.catalog, path)),
    toValue: plainText,
    ...options,
  });

function revisionProposal(app: EditorApp): TemplateResult | typeof nothing {
  const { start, catalog } = app.state;
  if (!start || (start.kind !== 'bundled' && start.kind !== 'file')) return nothing;
  const proposed = proposedRevision(start.catalog, catalog);
  if (proposed === undefined) return nothing;
  return html`<div class="notice" id="revision-proposal">
    <p>
      The categories or cookies have changed since you opened ${start.from}. Residents who have already chosen are asked again only
      when the revision is raised.
    </p>
    <button
      type="button"
      class="button button--secondary"
      @click=${() => {
        app.set('revision', proposed);
        app.announce(`Revision raised to ${proposed}.`);
      }}
    >
      Raise the revision to ${proposed}
    </button>
  </div>`;
}

function wordingField(app: EditorApp, key: (typeof MESSAGE_KEYS)[number]): TemplateResult {
  const input = (lang: 'en' | 'cy') => {
    const path = `text.${lang}.${key}`;
    const id = fieldId(path);
    const problems = app.problemsAt(path, true);
    const builtIn = lang === 'en' ? en[key] : cy[key];
    return html`<div class="field field--language${problems.length ? ' field--error' : ''}">
      <label class="label label--language" for=${id}
        ><span class="visually-hidden">${key}, </span>${lang === 'en' ? 'English' : html`<span lang="cy">Cymraeg</span> (Welsh)`}</label
      >
      <p class="hint" id="${id}-hint">Built in: <span lang=${lang}>${builtIn}</span></p>
      ${fieldErrors(id, problems)}
      <input
        id=${id}
        class="input${problems.length ? ' input--error' : ''}"
        type="text"
        lang=${lang}
        autocomplete="off"
        .value=${live(shownText(valueAt(app.state.catalog, path)))}
        aria-describedby="${id}-hint${problems.length ? ` ${id}-error` : ''}"
        aria-invalid=${problems.length ? 'true' : 'false'}
        @input=${(event: Event) => {
          const text = (event.target as HTMLInputElement).value;
          if (text) app.set(path, text);
          else app.change(() => removeValueAt(app.state.catalog!, path));
        }}
        @change=${() => app.touch(path)}
      />
    </div>`;
  };
  return html`<fieldset class="fieldset fieldset--text">
    <legend class="legend"><code>${key}</code></legend>
    <div class="languages">${input('en')} ${input('cy')}</div>
  </fieldset>`;
}

function wordingSection(app: EditorApp): TemplateResult {
  const overrides = valueAt(app.state.catalog, 'text');
  const count = (lang: string) => Object.keys((valueAt(overrides, lang) as Json | undefined) ?? {}).length;
  const problems = app.problems.filter((problem) => problem.path.startsWith('text')).filter((p) => app.isVisible(p));
  return html`<section class="form-section" aria-labelledby="wording-heading">
    <h3 id="wording-heading">Wording</h3>
    <p class="hint">
      ${fieldHelp('text')} Leave a field empty to use the built-in wording. {site}, {noun}, {category} and {provider} are filled in.
    </p>
    ${groupProblems(app, 'text')}
    <details class="disclosure" ?open=${problems.length > 0}>
      <summary>Change the wording (${count('en') + count('cy')} changed)</summary>
      ${MESSAGE_KEYS.map((key) => wordingField(app, key))}
    </details>
  </section>`;
}

function advancedSection(app: EditorApp): TemplateResult {
  const catalog = app.state.catalog!;
  const gpc = valueAt(catalog, 'privacySignals.gpc');
  const migrate = valueAt(catalog, 'migrate.cookieControl') as Json | undefined;
  const optional = ((catalog.categories as Json[] | undefined) ?? []).filter((category) => category.id !== 'essential');
  const gpcId = fieldId('privacySignals.gpc');
  const mapping = (migrate?.categories as Json | undefined) ?? {};
  return html`<section class="form-section" aria-labelledby="advanced-heading">
    <h3 id="advanced-heading">More settings</h3>
    ${groupProblems(app, 'privacySignals')} ${groupProblems(app, 'consentLog')} ${groupProblems(app, 'migrate')}
    <div class="checkbox">
      <input
        type="checkbox"
        id=${gpcId}
        .checked=${live(gpc !== false)}
        aria-describedby="${gpcId}-hint"
        @change=${(event: Event) => {
          const on = (event.target as HTMLInputElement).checked;
          app.change(() => (on ? removeValueAt(catalog, 'privacySignals.gpc') : (catalog.privacySignals = { gpc: false })));
        }}
      />
      <label for=${gpcId}>${fieldLabel('privacySignals.gpc')}</label>
    </div>
    <p class="hint" id="${gpcId}-hint">${fieldHelp('privacySignals.gpc')}</p>
    ${fieldErrors(gpcId, app.problemsAt('privacySignals.gpc', true))}
    ${field(app, 'consentLog.url', {
      label: `${fieldLabel('consentLog.url')} (optional)`,
      hint: `${fieldHelp('consentLog')} ${fieldHelp('consentLog.url')}`,
      inputmode: 'url',
      toValue: (text) => (text ? text : undefined),
    })}
    ${
      migrate
        ? html`<fieldset class="fieldset">
          <legend class="legend">Taking over from Cookie Control</legend>
          <p class="hint">${fieldHelp('migrate.cookieControl')}</p>
          ${reviewQuestions(app, 'migrate')} ${field(app, 'migrate.cookieControl.name', { width: 'medium', toValue: (text) => text })}
          ${Object.keys(mapping).map((theirs) => {
            const path = `migrate.cookieControl.categories.${theirs}`;
            const id = fieldId(path);
            return html`<div class="field">
              <label class="label" for=${id}>Cookie Control’s “${theirs}” becomes</label>
              ${fieldErrors(id, app.problemsAt(path, true))}
              <select id=${id} class="select" @change=${(event: Event) => app.set(path, (event.target as HTMLSelectElement).value)}>
                ${optional.map(
                  (category) =>
                    html`<option value=${String(category.id)} ?selected=${mapping[theirs] === category.id}>
                      ${pickText(category.title as string, 'en') || String(category.id)}
                    </option>`,
                )}
                ${
                  optional.some((category) => category.id === mapping[theirs])
                    ? nothing
                    : html`<option value=${String(mapping[theirs])} selected>${String(mapping[theirs])} (not a category of this catalogue)</option>`
                }
              </select>
            </div>`;
          })}
        </fieldset>`
        : nothing
    }
  </section>`;
}

/** The catalogue as a form: site, revision, consent cookie, categories and their cookies, wording, more settings. */
export function formView(app: EditorApp): TemplateResult {
  const catalog = app.state.catalog!;
  const categories = Array.isArray(catalog.categories) ? (catalog.categories as Json[]) : [];
  const removal = app.state.lastRemoval;
  return html`<form class="catalogue-form" novalidate @submit=${(event: Event) => event.preventDefault()} aria-labelledby="catalogue-heading">
    ${groupProblems(app, '')}
    <section class="form-section" aria-labelledby="site-heading">
      <h3 id="site-heading">Site</h3>
      <p class="hint">${fieldHelp('site')}</p>
      ${groupProblems(app, 'site')} ${field(app, 'site.name')} ${field(app, 'site.domain', { width: 'medium', label: `${fieldLabel('site.domain')} (optional)` })}
      ${field(app, 'site.policyUrl', { inputmode: 'url', label: `${fieldLabel('site.policyUrl')} (optional)` })}
    </section>
    <section class="form-section" aria-labelledby="revision-heading">
      <h3 id="revision-heading">Revision</h3>
      ${field(app, 'revision', { width: 'short', inputmode: 'numeric', toValue: wholeNumber })} ${revisionProposal(app)}
    </section>
    <section class="form-section" aria-labelledby="consent-cookie-heading">
      <h3 id="consent-cookie-heading">Consent cookie</h3>
      <p class="hint">${fieldHelp('consentCookie')}</p>
      ${groupProblems(app, 'consentCookie')} ${field(app, 'consentCookie.name', { width: 'medium', toValue: (text) => text })}
      ${field(app, 'consentCookie.expiresDays', { width: 'short', inputmode: 'numeric', toValue: wholeNumber })}
      ${field(app, 'consentCookie.domain', { width: 'medium', label: `${fieldLabel('consentCookie.domain')} (optional)` })}
    </section>
    <section class="form-section" aria-labelledby="categories-heading">
      <h3 id="categories-heading">Categories</h3>
      <p class="hint">${fieldHelp('categories')}</p>
      ${groupProblems(app, 'categories')}
      ${
        removal
          ? html`<div class="notice" role="group" aria-label="Removed">
            <p>Removed ${removal.words}.</p>
            <button type="button" class="button button--secondary" id="undo-removal" @click=${() => app.undoRemoval()}>
              Undo<span class="visually-hidden">: put back ${removal.words}</span>
            </button>
          </div>`
          : nothing
      }
      ${repeat(
        categories,
        (category) => keyOf(category),
        (_category, index) => categoryView(app, index),
      )}
      ${addCategoryControls(app)}
    </section>
    ${wordingSection(app)} ${advancedSection(app)}
  </form>`;
}
