import { html, nothing, type TemplateResult } from 'lit';
import type { EditorApp } from '../editor-app.js';
import { formView } from './form-view.js';
import { outputsView } from './outputs-view.js';
import { previewView } from './preview-view.js';
import { startView } from './start-view.js';

const timeOf = (time: number) =>
  new Date(time).toLocaleString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });

/** Where the catalogue came from, what the import said, and the way to start again or discard the draft. */
function startedFrom(app: EditorApp): TemplateResult {
  const { start, restoredAt, draftNotKept } = app.state;
  const notes = start?.notes ?? [];
  const guesses = notes.filter((note) => note.kind === 'guess');
  const questions = notes.filter((note) => note.kind === 'review');
  return html`<div class="started">
    <p>
      ${restoredAt ? html`Your draft from ${timeOf(restoredAt)} is back. ` : nothing}Started from ${start!.from}.
      ${
        draftNotKept
          ? html`<strong>This browser will not keep a draft: download the catalogue before you close the page.</strong>`
          : html`The draft is kept in this browser only, until you discard it.`
      }
    </p>
    ${
      start!.summary
        ? html`<details class="disclosure">
          <summary>What the import read (${guesses.length} guess${guesses.length === 1 ? '' : 'es'}, ${questions.length} question${questions.length === 1 ? '' : 's'})</summary>
          <p>${start!.summary}.</p>
          ${guesses.length ? html`<h3>Its guesses</h3><ul>${guesses.map((note) => html`<li>${note.text}</li>`)}</ul>` : nothing}
          ${questions.length ? html`<p>Its questions are shown at the fields they are about.</p>` : nothing}
        </details>`
        : nothing
    }
    <div class="item-actions">
      <button type="button" class="button button--secondary" @click=${() => {
        app.change(() => (app.state.choosingStart = true));
        requestAnimationFrame(() => app.root.querySelector<HTMLElement>('#start-heading')?.focus());
      }}>Start again from something else</button>
      <button type="button" class="button button--warning" id="discard-draft" @click=${() => app.discard()}>Discard the draft</button>
    </div>
  </div>`;
}

export function appView(app: EditorApp): TemplateResult {
  const { catalog, choosingStart } = app.state;
  return html`${
    catalog
      ? html`${startedFrom(app)} ${choosingStart ? startView(app) : nothing}
        <div class="workspace">
          <div class="workspace__form">
            <h2 id="catalogue-heading" tabindex="-1">Your catalogue</h2>
            ${
              app.problems.length
                ? html`<p class="status status--problems">${app.problemCount()} to fix: each is shown at its field, and listed under “Check and download”.</p>`
                : html`<p class="status status--ok">No problems.</p>`
            }
            ${formView(app)}
          </div>
          <div class="workspace__preview">${previewView(app)}</div>
        </div>
        ${outputsView(app)}`
      : startView(app)
  }`;
}
