import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { UNKNOWN_KEY } from '../../catalog/check-shape.js';
import type { EditorApp, ShownProblem } from '../editor-app.js';
import { fieldHelp } from '../model/field-help.js';
import { fieldId, placeOf } from '../model/field-names.js';
import { textIn, withText } from '../model/local-text.js';
import { removeValueAt, valueAt } from '../model/paths.js';

/**
 * The form's fields, GOV.UK-style: a label, the schema's description as the hint, the
 * validator's problems at the field (said, and linked from the summary), the input. Every
 * field's id comes from its JSON path, so a problem's path finds its field.
 */

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** The problems shown at a field, each with an id the input points to. */
export function fieldErrors(id: string, problems: ShownProblem[]): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  return html`<p class="error-message" id="${id}-error">
    ${problems.map((problem) => html`<span class="visually-hidden">Problem:</span> ${problem.message}<br />`)}
  </p>`;
}

/** The import's open questions shown at a field or group, each with "Mark as answered". */
export function reviewQuestions(app: EditorApp, place: string): TemplateResult | typeof nothing {
  const review = valueAt(app.state.catalog, 'review');
  if (typeof review !== 'object' || review === null) return nothing;
  const questions = Object.entries(review as Record<string, unknown>).filter(([path]) => placeOf(path).path === place);
  if (!questions.length) return nothing;
  return html`${questions.map(
    ([path, question]) => html`<div class="review-question">
      <p><strong>Question from the import:</strong> ${String(question)}</p>
      <button type="button" class="button button--small button--secondary" @click=${() => answer(app, path)}>
        Mark as answered<span class="visually-hidden">: ${String(question)}</span>
      </button>
    </div>`,
  )}`;
}

/** Removes the question (its key is a whole JSON path, not a path to follow), and `review` once it is empty. */
function answer(app: EditorApp, path: string): void {
  app.change(() => {
    const catalog = app.state.catalog!;
    const review = catalog.review as Record<string, unknown>;
    delete review[path];
    if (!Object.keys(review).length) delete catalog.review;
  });
  app.announce('Question marked as answered.');
}

/** A group's problems that no field of it shows (an unknown key, a rule across fields), with a way to remove an unknown key. */
export function groupProblems(app: EditorApp, place: string): TemplateResult | typeof nothing {
  const problems = app.problemsAt(place, false);
  if (!problems.length) return nothing;
  return html`<div class="group-problems" id="${fieldId(place || 'catalogue')}-problems">
    ${problems.map(
      (problem) => html`<p class="error-message">
        <span class="visually-hidden">Problem:</span> ${problem.where}: ${problem.message}
        ${
          problem.message.startsWith(UNKNOWN_KEY)
            ? html`<button type="button" class="button button--small button--secondary" @click=${() => removeKey(app, problem.path)}>
              Remove “${problem.path.split('.').pop()}”
            </button>`
            : nothing
        }
      </p>`,
    )}
  </div>`;
}

function removeKey(app: EditorApp, path: string): void {
  app.change(() => removeValueAt(app.state.catalog!, path));
  app.announce(`Removed “${path.split('.').pop()}”.`);
}

export interface TextFieldOptions {
  path: string;
  label: string;
  /** Shown under the label; the schema's description of the path by default. */
  hint?: string;
  value: string;
  multiline?: boolean;
  inputmode?: 'numeric' | 'url' | 'text';
  width?: 'short' | 'medium';
  /** Turns the typed text into the catalogue's value (undefined removes the key). */
  toValue?: (text: string) => unknown;
  lang?: string;
  extra?: TemplateResult | typeof nothing;
}

/**
 * The text box of a field: a textarea or a one-line input. `code` marks values that are not
 * prose (names, domains, numbers), which the browser should not spell-check.
 */
function textControl(control: {
  id: string;
  className: string;
  multiline?: boolean;
  lang?: string;
  value: string;
  described?: string;
  invalid: boolean;
  onInput: (event: Event) => void;
  onChange: () => void;
  code?: boolean;
  inputmode?: string;
}): TemplateResult {
  const { id, className, lang, value, described, invalid, onInput, onChange } = control;
  return control.multiline
    ? html`<textarea
        id=${id}
        class=${className}
        rows="3"
        lang=${ifDefined(lang)}
        .value=${live(value)}
        aria-describedby=${ifDefined(described)}
        aria-invalid=${invalid ? 'true' : 'false'}
        @input=${onInput}
        @change=${onChange}
      ></textarea>`
    : html`<input
        id=${id}
        class=${className}
        type="text"
        spellcheck=${ifDefined(control.code ? 'false' : undefined)}
        autocomplete="off"
        inputmode=${ifDefined(control.inputmode)}
        lang=${ifDefined(lang)}
        .value=${live(value)}
        aria-describedby=${ifDefined(described)}
        aria-invalid=${invalid ? 'true' : 'false'}
        @input=${onInput}
        @change=${onChange}
      />`;
}

/** A text field for the value at `path`. */
export function textField(app: EditorApp, options: TextFieldOptions): TemplateResult {
  const { path, label, value, multiline, inputmode, width, lang } = options;
  const id = fieldId(path);
  const hint = options.hint ?? fieldHelp(path);
  const problems = app.problemsAt(path, true);
  const toValue = options.toValue ?? ((text: string) => (text === '' ? undefined : text));
  const onInput = (event: Event) => app.set(path, toValue((event.target as HTMLInputElement).value));
  const described = describedBy(hint && `${id}-hint`, problems.length > 0 && `${id}-error`);
  const className = `input${width ? ` input--${width}` : ''}${problems.length ? ' input--error' : ''}`;
  return html`<div class="field${problems.length ? ' field--error' : ''}">
    <label class="label" for=${id}>${label}</label>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing} ${reviewQuestions(app, path)} ${fieldErrors(id, problems)}
    ${textControl({ id, className, multiline, lang, value, described, invalid: problems.length > 0, onInput, onChange: () => app.touch(path), code: true, inputmode })}
    ${options.extra ?? nothing}
  </div>`;
}

/** A whole number: kept as a number when it is one, else as typed, so the validator says what is wrong. */
export const wholeNumber = (text: string): unknown => (text.trim() === '' ? undefined : /^\s*\d+\s*$/.test(text) ? Number(text) : text);

/** Text, or nothing when blank. */
export const plainText = (text: string): unknown => (text === '' ? undefined : text);

/** The value at a path as an input shows it. */
export const shownText = (value: unknown): string =>
  value === undefined || value === null
    ? ''
    : typeof value === 'string'
      ? value
      : typeof value === 'number'
        ? String(value)
        : JSON.stringify(value);

/**
 * Resident-facing text: the English and the Welsh side by side, under one legend. Either may be
 * left blank (a Welsh page shows the English where there is no Welsh).
 */
export function localTextField(
  app: EditorApp,
  options: { path: string; label: string; multiline?: boolean; hint?: string },
): TemplateResult {
  const { path, label, multiline } = options;
  const value = valueAt(app.state.catalog, path);
  const hint = options.hint ?? fieldHelp(path);
  const id = fieldId(path);
  const input = (lang: 'en' | 'cy') => {
    const at = lang === 'en' ? path : `${path}.cy`;
    const inputId = fieldId(at);
    const problems = app.problemsAt(at, true);
    const described = describedBy(hint && `${id}-hint`, problems.length > 0 && `${inputId}-error`);
    const onInput = (event: Event) =>
      app.set(path, withText(valueAt(app.state.catalog, path), lang, (event.target as HTMLInputElement).value));
    const className = `input${problems.length ? ' input--error' : ''}`;
    return html`<div class="field field--language${problems.length ? ' field--error' : ''}">
      <label class="label label--language" for=${inputId}
        ><span class="visually-hidden">${label}, </span>${lang === 'en' ? 'English' : html`<span lang="cy">Cymraeg</span> (Welsh)`}</label
      >
      ${fieldErrors(inputId, problems)}
      ${textControl({
        id: inputId,
        className,
        multiline,
        lang,
        value: textIn(value, lang),
        described,
        invalid: problems.length > 0,
        onInput,
        onChange: () => app.touch(path),
      })}
    </div>`;
  };
  return html`<fieldset class="fieldset fieldset--text" id="${id}-group">
    <legend class="legend">${label}</legend>
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing} ${reviewQuestions(app, path)}
    <div class="languages">${input('en')} ${input('cy')}</div>
  </fieldset>`;
}
