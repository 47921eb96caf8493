import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { GOOGLE_CONSENT_TYPES } from '../../catalog/definition.js';
import { ESSENTIAL } from '../../catalog/essential.js';
import { pickText } from '../../catalog/local-text.js';
import { CATEGORY_IDS, CATEGORY_TEMPLATES } from '../../cli/import/categories.js';
import type { EditorApp } from '../editor-app.js';
import { fieldHelp } from '../model/field-help.js';
import { fieldId, fieldLabel } from '../model/field-names.js';
import { pathOf } from '../model/paths.js';
import { cookieView } from './cookie-view.js';
import { fieldErrors, groupProblems, localTextField, reviewQuestions, shownText, textField } from './fields.js';
import { keyOf } from './item-keys.js';

type Json = Record<string, unknown>;

const BASES = [
  { value: 'consent', label: 'Consent: off until the resident agrees' },
  { value: 'statistics-exemption', label: 'Statistics exemption: on until the resident turns it off' },
] as const;

const titleOf = (category: Json) => pickText(category.title as string, 'en') || shownText(category.id) || 'New category';

function basisField(app: EditorApp, category: Json, path: string): TemplateResult {
  const id = fieldId(path);
  const problems = app.problemsAt(path, true);
  const current = category.basis ?? 'consent';
  return html`<fieldset class="fieldset" aria-describedby="${id}-hint">
    <legend class="legend">${fieldLabel(path)}</legend>
    <p class="hint" id="${id}-hint">${fieldHelp(path)}</p>
    ${fieldErrors(id, problems)}
    <div class="radios">
      ${BASES.map(
        ({ value, label }, index) => html`<div class="radio">
          <input
            type="radio"
            id=${index ? `${id}-${value}` : id}
            name=${id}
            .checked=${live(current === value)}
            @change=${() => app.set(path, value === 'consent' ? undefined : value)}
          />
          <label for=${index ? `${id}-${value}` : id}>${label}</label>
        </div>`,
      )}
    </div>
  </fieldset>`;
}

function consentModeField(app: EditorApp, category: Json, path: string): TemplateResult {
  const id = fieldId(path);
  const problems = app.problemsAt(path, true);
  const chosen = Array.isArray(category.googleConsentMode) ? (category.googleConsentMode as string[]) : [];
  const toggle = (type: string, on: boolean) => {
    const next = GOOGLE_CONSENT_TYPES.filter((t) => (t === type ? on : chosen.includes(t)));
    // Types the definition does not know stay, so the validator can name them.
    const unknown = chosen.filter((t) => !(GOOGLE_CONSENT_TYPES as readonly string[]).includes(t));
    app.set(path, next.length || unknown.length ? [...next, ...unknown] : undefined);
  };
  return html`<fieldset class="fieldset" aria-describedby="${id}-hint">
    <legend class="legend">${fieldLabel(path)} (optional)</legend>
    <p class="hint" id="${id}-hint">${fieldHelp(path)} Only for a site that uses Google tags.</p>
    ${fieldErrors(id, problems)}
    <div class="checkboxes">
      ${GOOGLE_CONSENT_TYPES.map(
        (type, index) => html`<div class="checkbox">
          <input
            type="checkbox"
            id=${index ? `${id}-${type}` : id}
            .checked=${live(chosen.includes(type))}
            @change=${(event: Event) => toggle(type, (event.target as HTMLInputElement).checked)}
          />
          <label for=${index ? `${id}-${type}` : id}><code>${type}</code></label>
        </div>`,
      )}
    </div>
  </fieldset>`;
}

function moveCategory(app: EditorApp, index: number, by: -1 | 1): void {
  const categories = app.state.catalog!.categories as Json[];
  const category = categories[index];
  app.change(() => {
    categories.splice(index, 1);
    categories.splice(index + by, 0, category);
  });
  app.announce(`Moved “${titleOf(category)}” ${by < 0 ? 'up' : 'down'}: it is now category ${index + by + 1} of ${categories.length}.`);
  // Focus stays on the same button of the moved category; at either end, on the other one.
  const edge = index + by === 0 || index + by === categories.length - 1;
  app.focusAfterRender(`#category-${keyOf(category)} .move-${edge ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}`);
}

/** One category: its fields, its cookies, and moving, removing and adding. */
export function categoryView(app: EditorApp, index: number): TemplateResult {
  const categories = app.state.catalog!.categories as Json[];
  const category = categories[index];
  const path = pathOf(['categories', index]);
  const at = (key: string) => `${path}.${key}`;
  const cookies = Array.isArray(category.cookies) ? (category.cookies as Json[]) : [];
  const key = keyOf(category);
  const title = titleOf(category);
  const essential = category.id === ESSENTIAL;
  const addCookie = () => {
    const cookie: Json = { name: '' };
    const next = cookies.length;
    app.fresh.add(cookie);
    app.change(() => {
      if (!Array.isArray(category.cookies)) category.cookies = [];
      (category.cookies as Json[]).push(cookie);
    });
    app.announce(`Added a cookie to “${title}”. Give it a name.`);
    app.focusAfterRender(`#${fieldId(`${path}.cookies[${next}].name`)}`);
  };
  return html`<section class="category" id="category-${key}" aria-labelledby="category-${key}-heading">
    <h4 class="category__heading" id="category-${key}-heading" tabindex="-1">
      <span class="category__number">Category ${index + 1} of ${categories.length}:</span> ${title}
      ${essential ? html`<span class="tag">always on</span>` : html`<span class="tag tag--optional">optional</span>`}
    </h4>
    <div class="item-actions">
      <button type="button" class="button button--small button--secondary move-up" ?disabled=${index === 0} @click=${() => moveCategory(app, index, -1)}>
        Move up<span class="visually-hidden"> “${title}”</span>
      </button>
      <button
        type="button"
        class="button button--small button--secondary move-down"
        ?disabled=${index === categories.length - 1}
        @click=${() => moveCategory(app, index, 1)}
      >
        Move down<span class="visually-hidden"> “${title}”</span>
      </button>
      <button
        type="button"
        class="button button--small button--warning"
        @click=${() => app.removeItem(categories, index, `the category “${title}” and its ${cookies.length} cookie${cookies.length === 1 ? '' : 's'}`)}
      >
        Remove category<span class="visually-hidden"> “${title}”</span>
      </button>
    </div>
    ${groupProblems(app, path)} ${reviewQuestions(app, path)}
    ${textField(app, {
      path: at('id'),
      label: fieldLabel(at('id'))!,
      value: shownText(category.id),
      toValue: (text) => text,
      width: 'medium',
      hint: `${fieldHelp(at('id'))} Lower-case letters, digits, “-” and “_”; it is what data-cookie-category names on your scripts.`,
    })}
    ${localTextField(app, { path: at('title'), label: fieldLabel(at('title'))! })}
    ${localTextField(app, { path: at('description'), label: fieldLabel(at('description'))!, multiline: true })}
    ${essential ? nothing : html`${basisField(app, category, at('basis'))} ${consentModeField(app, category, at('googleConsentMode'))}`}
    <h5 class="cookies__heading">Cookies in “${title}” (${cookies.length})</h5>
    ${groupProblems(app, at('cookies'))}
    ${cookies.length ? nothing : html`<p class="hint">No cookies yet: the table says “We do not set any cookies in this category.”</p>`}
    <div class="cookies">${repeat(
      cookies,
      (cookie) => keyOf(cookie),
      (_cookie, cookieIndex) => cookieView(app, index, cookieIndex),
    )}</div>
    <button type="button" class="button button--secondary" @click=${addCookie}>Add a cookie<span class="visually-hidden"> to “${title}”</span></button>
  </section>`;
}

/** Adding a category: the kinds councils use, with their usual wording to start from; or one of its own. */
export function addCategoryControls(app: EditorApp): TemplateResult {
  const categories = app.state.catalog!.categories as Json[] | undefined;
  const ids = new Set((categories ?? []).map((category) => category.id));
  const kinds = CATEGORY_IDS.filter((id) => id !== 'review' && id !== ESSENTIAL);
  const add = () => {
    const select = app.root.querySelector<HTMLSelectElement>('#new-category-kind')!;
    const kind = select.value;
    const template = CATEGORY_TEMPLATES[kind as keyof typeof CATEGORY_TEMPLATES];
    let id = kind === 'other' ? 'new-category' : kind;
    for (let n = 2; ids.has(id); n++) id = `${kind === 'other' ? 'new-category' : kind}-${n}`;
    const category: Json = template ? { id, title: template.title, description: template.description, cookies: [] } : { id, cookies: [] };
    app.fresh.add(category);
    app.change(() => {
      if (!Array.isArray(app.state.catalog!.categories)) app.state.catalog!.categories = [];
      (app.state.catalog!.categories as Json[]).push(category);
    });
    app.announce(`Added the category “${titleOf(category)}” at the end.`);
    app.focusAfterRender(`#category-${keyOf(category)}-heading`);
  };
  return html`<div class="add-category">
    <div class="field field--inline">
      <label class="label" for="new-category-kind">Kind of category to add</label>
      <select id="new-category-kind" class="select">
        ${kinds.map((kind) => html`<option value=${kind}>${CATEGORY_TEMPLATES[kind].title}</option>`)}
        <option value="other">Another kind (no wording to start from)</option>
      </select>
    </div>
    <button type="button" class="button button--secondary" @click=${add}>Add a category</button>
  </div>`;
}
