import { CUSTOM_PROPERTIES, PREVIEW_DOCUMENT } from 'virtual:editor-build';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { createRef, ref } from 'lit/directives/ref.js';
import type { Catalog } from '../../catalog/definition.js';
import type { EditorApp } from '../editor-app.js';
import type { PreviewMessage, PreviewReply } from '../preview/preview-messages.js';

/** The widths the preview shows the site at: a common phone's, and a laptop's. */
export const PREVIEW_SIZES = {
  phone: { width: 375, height: 667, label: 'Phone (375 pixels wide)' },
  desktop: { width: 1280, height: 800, label: 'Desktop (1280 pixels wide)' },
} as const;

/** The documented colour properties (their default is a colour), for the council's colours. */
export const COLOUR_PROPERTIES = CUSTOM_PROPERTIES.filter(({ fallback }) => /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(fallback)).map(
  (property) => ({
    ...property,
    fallback: property.fallback.length === 4 ? `#${[...property.fallback.slice(1)].map((c) => c + c).join('')}` : property.fallback,
  }),
);

/**
 * The live preview: the real elements in a sandboxed frame (preview/preview-runtime.ts), sent
 * the catalogue whenever it is valid, in the language, width and colours chosen here.
 */
export class Preview {
  readonly frame = createRef<HTMLIFrameElement>();
  readonly box = createRef<HTMLDivElement>();
  /** The catalogue last shown: the preview keeps it while the catalogue has problems. */
  shown?: Catalog;
  #ready = false;
  #sent = '';
  #resize = new ResizeObserver(() => this.#fit());

  constructor(readonly app: EditorApp) {
    window.addEventListener('message', (event: MessageEvent<PreviewReply>) => {
      if (!this.frame.value || event.source !== this.frame.value.contentWindow || event.data?.type !== 'ready') return;
      this.#ready = true;
      this.#sent = '';
      this.update();
    });
    app.afterRender.add(() => this.update());
  }

  #post(message: PreviewMessage): void {
    this.frame.value?.contentWindow?.postMessage(message, '*');
  }

  /** After each render: the frame's size, and the catalogue, language and colours if they changed. */
  update(): void {
    const { catalog } = this.app.state;
    if (!catalog) {
      this.shown = undefined;
      this.#ready = false;
      return;
    }
    if (this.app.check.catalog && !this.app.formProblems.length) this.shown = this.app.check.catalog;
    this.#fit();
    if (!this.#ready || !this.shown) return;
    const message: PreviewMessage = {
      type: 'show',
      catalog: this.shown,
      lang: this.app.state.preview.lang,
      colours: this.app.state.colours,
    };
    const text = JSON.stringify(message);
    if (text === this.#sent) return;
    this.#sent = text;
    this.#post(message);
  }

  askAgain(): void {
    this.#post({ type: 'ask-again' });
  }

  openPreferences(): void {
    this.#post({ type: 'open-preferences' });
    this.frame.value?.focus();
  }

  /** The frame at its real width, scaled down to fit the column (its media queries still see the real width). */
  #fit(): void {
    const frame = this.frame.value;
    const box = this.box.value;
    if (!frame || !box) return;
    this.#resize.observe(box);
    const size = PREVIEW_SIZES[this.app.state.preview.width];
    const scale = Math.min(1, box.clientWidth / size.width);
    frame.style.width = `${size.width}px`;
    frame.style.height = `${size.height}px`;
    frame.style.transform = scale < 1 ? `scale(${scale})` : '';
    box.style.height = `${Math.ceil(size.height * scale)}px`;
  }
}

const previews = new WeakMap<EditorApp, Preview>();
const previewOf = (app: EditorApp) => {
  let preview = previews.get(app);
  if (!preview) previews.set(app, (preview = new Preview(app)));
  return preview;
};

function colourFields(app: EditorApp): TemplateResult {
  const { colours } = app.state;
  const chosen = COLOUR_PROPERTIES.filter(({ name }) => colours[name]).length;
  return html`<details class="disclosure">
    <summary>The council’s colours (${chosen} changed)</summary>
    <p class="hint">
      The elements’ documented custom properties. Choose a colour to see it in the preview; the CSS to put in your site’s stylesheet is
      under “Check and download”.
    </p>
    ${COLOUR_PROPERTIES.map(({ name, description, fallback }) => {
      const id = `colour${name}`;
      return html`<div class="colour">
        <input
          type="color"
          id=${id}
          .value=${live(colours[name] ?? fallback)}
          aria-describedby="${id}-hint"
          @input=${(event: Event) => {
            const value = (event.target as HTMLInputElement).value;
            app.change(() => {
              if (value.toLowerCase() === fallback.toLowerCase()) delete colours[name];
              else colours[name] = value;
            });
          }}
        />
        <label for=${id}>${description}</label>
        <span class="hint" id="${id}-hint"><code>${name}</code>, ${colours[name] ? `${colours[name]} (default ${fallback})` : `default ${fallback}`}</span>
        ${
          colours[name]
            ? html`<button
              type="button"
              class="button button--small button--secondary"
              @click=${() => {
                app.change(() => delete colours[name]);
                app.announce(`${description}: back to the default.`);
              }}
            >
              Use the default<span class="visually-hidden"> for ${description}</span>
            </button>`
            : nothing
        }
      </div>`;
    })}
  </details>`;
}

export function previewView(app: EditorApp): TemplateResult {
  const preview = previewOf(app);
  const { lang, width } = app.state.preview;
  const stale = !app.check.catalog || app.formProblems.length > 0;
  const setPreview = (change: Partial<typeof app.state.preview>) => app.change(() => Object.assign(app.state.preview, change));
  return html`<section class="preview" aria-labelledby="preview-heading">
    <h2 id="preview-heading">Preview</h2>
    <p class="hint">The real banner, cookie settings dialog and cookie tables, as residents will see them.</p>
    ${
      stale
        ? html`<p class="notice-text" id="preview-stale">
          ${
            preview.shown
              ? 'The catalogue has problems: the preview shows it as it was before them.'
              : 'The preview appears once the catalogue has no problems.'
          }
        </p>`
        : nothing
    }
    <div class="preview__controls">
      <fieldset class="fieldset fieldset--inline">
        <legend class="legend">Language</legend>
        <div class="radios radios--inline">
          <div class="radio">
            <input type="radio" id="preview-lang-en" name="preview-lang" .checked=${live(lang === 'en')} @change=${() => setPreview({ lang: 'en' })} />
            <label for="preview-lang-en">English</label>
          </div>
          <div class="radio">
            <input type="radio" id="preview-lang-cy" name="preview-lang" .checked=${live(lang === 'cy')} @change=${() => setPreview({ lang: 'cy' })} />
            <label for="preview-lang-cy" lang="cy">Cymraeg</label>
          </div>
        </div>
      </fieldset>
      <fieldset class="fieldset fieldset--inline">
        <legend class="legend">Width</legend>
        <div class="radios radios--inline">
          ${(['phone', 'desktop'] as const).map(
            (size) => html`<div class="radio">
              <input
                type="radio"
                id="preview-width-${size}"
                name="preview-width"
                .checked=${live(width === size)}
                @change=${() => setPreview({ width: size })}
              />
              <label for="preview-width-${size}">${PREVIEW_SIZES[size].label}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      <div class="preview__buttons">
        <button type="button" class="button button--secondary" @click=${() => preview.askAgain()}>Show the banner again</button>
        <button type="button" class="button button--secondary" @click=${() => preview.openPreferences()}>Open the cookie settings</button>
      </div>
    </div>
    ${colourFields(app)}
    <div class="preview__box" ${ref(preview.box)}>
      <iframe
        class="preview__frame"
        ${ref(preview.frame)}
        title="Preview: the site’s cookie banner, settings and tables, in ${lang === 'cy' ? 'Welsh' : 'English'} at ${PREVIEW_SIZES[width].label.toLowerCase()}"
        sandbox="allow-scripts"
        srcdoc=${PREVIEW_DOCUMENT}
      ></iframe>
    </div>
  </section>`;
}
