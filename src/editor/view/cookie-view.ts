import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { pickText } from '../../catalog/local-text.js';
import type { EditorApp } from '../editor-app.js';
import { fieldId, fieldLabel } from '../model/field-names.js';
import { LIFETIME_UNITS, type Lifetime, type LifetimeUnit, lifetimeInWords, lifetimeOf, writeLifetime } from '../model/lifetime.js';
import { pathOf } from '../model/paths.js';
import { type Offer, suggestionFor } from '../model/suggestions.js';
import { fieldErrors, groupProblems, localTextField, plainText, reviewQuestions, shownText, textField } from './fields.js';
import { keyOf } from './item-keys.js';

type Json = Record<string, unknown>;

const LIFETIME_HINT =
  'How long the cookie lasts once it is set: a number and a unit (add a second unit for “1 year and 6 months”), or until the browser is closed.';

/** Writes a lifetime the form holds: to the catalogue when it can be written, else kept as typed (its problem blocks the download). */
function setLifetime(app: EditorApp, cookie: Json, lifetime: Lifetime): void {
  const written = writeLifetime(lifetime);
  app.change(() => {
    if (written.expires !== undefined) {
      app.lifetimes.delete(cookie);
      cookie.expires = written.expires;
    } else {
      app.lifetimes.set(cookie, lifetime);
      delete cookie.expires;
    }
  });
}

function lifetimeField(app: EditorApp, cookie: Json, path: string): TemplateResult {
  const id = fieldId(path);
  const lifetime = app.lifetimes.get(cookie) ?? lifetimeOf(cookie.expires);
  const problems = app.problemsAt(path, true);
  const parts = lifetime.kind === 'time' ? lifetime.parts : [];
  const update = (next: Lifetime) => setLifetime(app, cookie, next);
  const changePart = (index: number, change: Partial<{ amount: string; unit: LifetimeUnit }>) =>
    update({ kind: 'time', parts: parts.map((part, i) => (i === index ? { ...part, ...change } : part)) });
  const described = [`${id}-hint`, problems.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  const written = lifetime.kind === 'unset' && lifetime.written !== undefined ? lifetime.written : undefined;
  return html`<fieldset class="fieldset fieldset--lifetime${problems.length ? ' field--error' : ''}" id="${id}-group" aria-describedby=${described}>
    <legend class="legend">${fieldLabel(path)}</legend>
    <p class="hint" id="${id}-hint">${LIFETIME_HINT}</p>
    ${reviewQuestions(app, path)} ${fieldErrors(id, problems)}
    ${
      written !== undefined
        ? html`<p class="notice-text">The catalogue gives “${shownText(written)}”, which the library cannot read: choose the lifetime again.</p>`
        : nothing
    }
    <div class="radios radios--inline">
      <div class="radio">
        <input
          type="radio"
          id=${lifetime.kind === 'time' ? `${id}-time` : id}
          name="${id}-kind"
          .checked=${live(lifetime.kind === 'time')}
          @change=${() => update({ kind: 'time', parts: [{ amount: '', unit: 'Y' }] })}
          @blur=${() => app.touch(path)}
        />
        <label for=${lifetime.kind === 'time' ? `${id}-time` : id}>For a length of time</label>
      </div>
      <div class="radio">
        <input
          type="radio"
          id="${id}-session"
          name="${id}-kind"
          .checked=${live(lifetime.kind === 'session')}
          @change=${() => update({ kind: 'session' })}
          @blur=${() => app.touch(path)}
        />
        <label for="${id}-session">Until the browser is closed (a session cookie)</label>
      </div>
    </div>
    ${parts.map(
      (part, index) => html`<div class="lifetime-part">
        <div class="field field--inline">
          <label class="label" for=${index ? `${id}-amount-${index}` : id}>How many</label>
          <input
            id=${index ? `${id}-amount-${index}` : id}
            class="input input--short${problems.length ? ' input--error' : ''}"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            aria-describedby=${described}
            aria-invalid=${problems.length ? 'true' : 'false'}
            .value=${live(part.amount)}
            @input=${(event: Event) => changePart(index, { amount: (event.target as HTMLInputElement).value })}
            @change=${() => app.touch(path)}
          />
        </div>
        <div class="field field--inline">
          <label class="label" for="${id}-unit-${index}">Unit</label>
          <select
            id="${id}-unit-${index}"
            class="select"
            @change=${(event: Event) => changePart(index, { unit: (event.target as HTMLSelectElement).value as LifetimeUnit })}
          >
            ${LIFETIME_UNITS.map(({ unit, many }) => html`<option value=${unit} ?selected=${part.unit === unit}>${many}</option>`)}
          </select>
        </div>
        ${
          parts.length > 1
            ? html`<button
              type="button"
              class="button button--small button--secondary"
              @click=${() => {
                update({ kind: 'time', parts: parts.filter((_, i) => i !== index) });
                app.focusAfterRender(`#${id}`);
              }}
            >
              Remove<span class="visually-hidden"> this part of the lifetime</span>
            </button>`
            : nothing
        }
      </div>`,
    )}
    ${
      lifetime.kind === 'time'
        ? html`<button
          type="button"
          class="button button--small button--secondary"
          @click=${() => {
            const used = new Set(parts.map((part) => part.unit));
            const unit = LIFETIME_UNITS.find(({ unit }) => !used.has(unit))?.unit ?? 'D';
            update({ kind: 'time', parts: [...parts, { amount: '', unit }] });
            app.focusAfterRender(`#${id}-amount-${parts.length}`);
          }}
        >
          Add another unit
        </button>`
        : nothing
    }
  </fieldset>`;
}

function useOffer(app: EditorApp, offer: Offer, categoryIndex: number, cookieIndex: number, cookie: Json): void {
  const catalog = app.state.catalog!;
  const path = pathOf(['categories', categoryIndex, 'cookies', cookieIndex, offer.field]);
  const review = catalog.review as Json | undefined;
  app.change(() => {
    if (offer.field === 'category') {
      moveCookie(categoryIndex, cookieIndex, catalog.categories as Json[], offer.value);
      return;
    }
    if (offer.field === 'expires') app.lifetimes.delete(cookie);
    cookie[offer.field] = offer.value;
    // The import's question about this field is answered by the choice just made.
    if (review && path in review) {
      delete review[path];
      if (!Object.keys(review).length) delete catalog.review;
    }
  });
  const said = { provider: 'Provider', purpose: 'Purpose', expires: 'Lifetime', category: 'Moved to' }[offer.field];
  app.announce(`${said}: ${offer.words}.`);
  if (offer.field === 'category') app.focusAfterRender(`#cookie-${keyOf(cookie)} > summary`);
  // The pressed button goes with its offer: focus the next offer, or (none left) the field just written.
  else app.focusAfterRender(`#suggestion-${keyOf(cookie)} ~ ul button, #${fieldId(path)}`);
}

/** Moves a cookie to the end of another category (by id), keeping the cookie as it is. */
function moveCookie(from: number, index: number, categories: Json[], toId: string): void {
  const target = categories.find((category) => category.id === toId);
  if (!target) return;
  const [cookie] = (categories[from].cookies as Json[]).splice(index, 1);
  if (!Array.isArray(target.cookies)) target.cookies = [];
  (target.cookies as Json[]).push(cookie);
}

function suggestionBox(app: EditorApp, cookie: Json, categoryIndex: number, cookieIndex: number): TemplateResult | typeof nothing {
  const categories = (app.state.catalog!.categories as Json[])
    .filter((category) => typeof category.id === 'string')
    .map((category) => ({ id: category.id as string, title: pickText(category.title as string, 'en') || (category.id as string) }));
  const suggestion = suggestionFor(cookie, (app.state.catalog!.categories as Json[])[categoryIndex].id, categories);
  if (!suggestion) return nothing;
  const { known, ignoringCase, offers } = suggestion;
  const label = { provider: 'Use this provider', purpose: 'Use this purpose', expires: 'Use this lifetime', category: 'Move it there' };
  const what = { provider: 'Provider', purpose: 'Purpose', expires: 'Lifetime', category: 'Usual category' };
  return html`<div class="suggestion" role="group" aria-labelledby="suggestion-${keyOf(cookie)}">
    <p class="suggestion__title" id="suggestion-${keyOf(cookie)}">
      Suggestions: ${ignoringCase ? html`a cookie named like this, “${known.name}”,` : html`“${known.name}”`} is usually set by
      ${known.provider}. Nothing is written until you choose it.
    </p>
    <ul class="suggestion__list">
      ${offers.map(
        (offer) => html`<li>
          <strong>${what[offer.field]}:</strong> ${offer.words}
          <button
            type="button"
            class="button button--small button--secondary"
            @click=${() => useOffer(app, offer, categoryIndex, cookieIndex, cookie)}
          >
            ${label[offer.field]}<span class="visually-hidden"> for ${String(cookie.name)}</span>
          </button>
        </li>`,
      )}
    </ul>
  </div>`;
}

/**
 * Cookies whose disclosure is open. A render opens a cookie with problems or questions; it stays
 * open once they are answered (closing it would take away the field being worked on, and focus
 * with it) until the officer closes it.
 */
const openCookies = new WeakSet<object>();

/** One cookie of a category: a disclosure with its summary, its fields, and moving or removing it. */
export function cookieView(app: EditorApp, categoryIndex: number, cookieIndex: number): TemplateResult {
  const catalog = app.state.catalog!;
  const categories = catalog.categories as Json[];
  const cookies = categories[categoryIndex].cookies as Json[];
  const cookie = cookies[cookieIndex];
  const path = pathOf(['categories', categoryIndex, 'cookies', cookieIndex]);
  const at = (key: string) => `${path}.${key}`;
  const name = typeof cookie.name === 'string' && cookie.name ? cookie.name : '';
  const problems = app.problems
    .filter((problem) => problem.path.startsWith(`${path}.`) || problem.path === path)
    .filter((p) => app.isVisible(p));
  const review = catalog.review && typeof catalog.review === 'object' ? Object.keys(catalog.review) : [];
  const questions = review.filter((question) => question === path || question.startsWith(`${path}.`)).length;
  const provider = typeof cookie.provider === 'string' ? cookie.provider : '';
  const key = keyOf(cookie);
  const remove = () => {
    app.removeItem(cookies, cookieIndex, `the cookie “${name || 'without a name'}”`);
  };
  const open = openCookies.has(cookie) || app.fresh.has(cookie) || problems.length > 0 || questions > 0;
  if (open) openCookies.add(cookie);
  const toggled = (event: Event) => {
    if ((event.target as HTMLDetailsElement).open) openCookies.add(cookie);
    else openCookies.delete(cookie);
  };
  return html`<details class="cookie" id="cookie-${key}" ?open=${open} @toggle=${toggled}>
    <summary class="cookie__summary">
      <span class="cookie__name">${name || 'New cookie'}</span>
      <span class="cookie__facts">${[provider, cookie.expires !== undefined ? lifetimeInWords(cookie.expires) : ''].filter(Boolean).join(' · ')}</span>
      ${problems.length ? html`<strong class="tag tag--error">${problems.length} problem${problems.length === 1 ? '' : 's'}</strong>` : nothing}
      ${questions ? html`<strong class="tag tag--question">${questions} question${questions === 1 ? '' : 's'}</strong>` : nothing}
    </summary>
    <div class="cookie__body">
      ${groupProblems(app, path)} ${reviewQuestions(app, path)} ${suggestionBox(app, cookie, categoryIndex, cookieIndex)}
      ${textField(app, { path: at('name'), label: fieldLabel(at('name'))!, value: shownText(cookie.name), toValue: (text) => text })}
      ${localTextField(app, { path: at('label'), label: `${fieldLabel(at('label'))} (optional)` })}
      ${localTextField(app, { path: at('purpose'), label: fieldLabel(at('purpose'))!, multiline: true })} ${lifetimeField(app, cookie, at('expires'))}
      ${localTextField(app, { path: at('expiresText'), label: `${fieldLabel(at('expiresText'))} (optional)` })}
      ${textField(app, { path: at('provider'), label: `${fieldLabel(at('provider'))} (optional)`, value: shownText(cookie.provider), toValue: plainText })}
      ${textField(app, {
        path: at('domain'),
        label: `${fieldLabel(at('domain'))} (optional)`,
        value: shownText(cookie.domain),
        toValue: plainText,
        width: 'medium',
      })}
      ${textField(app, { path: at('path'), label: `${fieldLabel(at('path'))} (optional)`, value: shownText(cookie.path), toValue: plainText, width: 'medium' })}
      <div class="item-actions">
        <div class="field field--inline">
          <label class="label" for="move-${key}">Category</label>
          <select
            id="move-${key}"
            class="select"
            @change=${(event: Event) => {
              const toId = (event.target as HTMLSelectElement).value;
              const title = pickText(categories.find((category) => category.id === toId)?.title as string, 'en');
              app.change(() => moveCookie(categoryIndex, cookieIndex, categories, toId));
              app.announce(`Moved “${name}” to “${title}”.`);
              app.focusAfterRender(`#cookie-${key} > summary`);
            }}
          >
            ${categories.map(
              (category, index) =>
                html`<option value=${ifDefined(typeof category.id === 'string' ? category.id : undefined)} ?selected=${index === categoryIndex}>
                  ${pickText(category.title as string, 'en') || String(category.id)}
                </option>`,
            )}
          </select>
        </div>
        <button type="button" class="button button--secondary button--small" @click=${remove}>
          Remove cookie<span class="visually-hidden"> “${name}”</span>
        </button>
      </div>
    </div>
  </details>`;
}
