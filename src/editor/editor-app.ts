import { render, type TemplateResult } from 'lit';
import type { Problem } from '../catalog/check-shape.js';
import { type CatalogCheck, checkCatalog } from '../cli/check-catalog.js';
import { type Draft, discardDraft, readDraft, writeDraft } from './model/draft-store.js';
import { pathInWords, placeOf } from './model/field-names.js';
import { type Lifetime, writeLifetime } from './model/lifetime.js';
import { copyJson, pathOf, segmentsOf, setValueAt, valueAt } from './model/paths.js';
import type { Start } from './model/starting-points.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** A problem as the form shows it: the validator's message, where it is shown, and where it is in words. */
export interface ShownProblem extends Problem {
  /** The field or group it is shown at (field-names.ts). */
  place: string;
  field: boolean;
  where: string;
}

export interface EditorState {
  start?: Start;
  /** The catalogue being edited: whatever the start gave, changed by the form. */
  catalog?: Json;
  colours: Record<string, string>;
  preview: { lang: 'en' | 'cy'; width: 'phone' | 'desktop' };
  output: { scriptFolder: string; catalogUrl: string; tablesLang: 'en' | 'cy' };
  /** Choosing a new start while a catalogue is open (it stays until one is chosen). */
  choosingStart: boolean;
  startError?: string;
  /** When a kept draft was restored on opening the page. */
  restoredAt?: number;
  /** The browser would not keep the draft. */
  draftNotKept?: boolean;
  /** Set by a download refused for problems: every problem shows, and the summary takes focus. */
  downloadRefused: boolean;
  /** The last cookie or category removed, for "Undo". */
  lastRemoval?: { list: unknown[]; index: number; item: unknown; words: string };
}

/**
 * The editor: its state, the actions the views call, and one render of the whole page after
 * each change (lit-html updates only what changed). The catalogue is checked after every
 * change with the checks `validate` makes (cli/check-catalog.ts); the draft is kept after every
 * change in this browser's storage.
 */
export class EditorApp {
  state: EditorState = {
    colours: {},
    preview: { lang: 'en', width: 'phone' },
    output: { scriptFolder: '/js/', catalogUrl: '', tablesLang: 'en' },
    choosingStart: false,
    downloadRefused: false,
  };
  /** The last check of the catalogue. */
  check: CatalogCheck = { problems: [], warnings: [] };
  /** Problems the form finds before the validator can (a lifetime of "two" years). */
  formProblems: Problem[] = [];
  /** Every problem, visible or not yet, in the form's order. */
  problems: ShownProblem[] = [];

  /** Cookies and categories added in this session: their problems wait until a field of theirs is left, or a download is tried. */
  readonly fresh = new WeakSet<object>();
  /** The fields left after a change, by the object holding them. */
  readonly touched = new WeakMap<object, Set<string>>();
  /** Lifetimes as typed, by cookie, while they cannot be written. */
  readonly lifetimes = new WeakMap<object, Lifetime>();
  /** Called after each render (the preview posts its update). */
  readonly afterRender = new Set<() => void>();

  #scheduled = false;

  /** `view` draws the whole page from the app (view/app-view.ts): given, so the app does not depend on its views. */
  constructor(
    readonly root: HTMLElement,
    readonly announcer: HTMLElement,
    readonly view: (app: EditorApp) => TemplateResult,
  ) {
    const draft = readDraft();
    if (draft) {
      this.state.start = draft.start;
      this.state.catalog = draft.catalog;
      this.state.colours = draft.colours;
      this.state.output = { ...this.state.output, ...draft.output };
      this.state.restoredAt = draft.savedAt;
    }
    this.#recheck();
    this.renderNow();
  }

  /** Starts editing a catalogue: it is also what "what changed" compares with. */
  begin(start: Start): void {
    this.state.start = { ...start, catalog: copyJson(start.catalog) };
    this.state.catalog = copyJson(start.catalog);
    this.state.choosingStart = false;
    this.state.startError = undefined;
    this.state.restoredAt = undefined;
    this.state.downloadRefused = false;
    this.state.lastRemoval = undefined;
    if (start.kind === 'blank') this.fresh.add(this.state.catalog.site as object);
    if (!this.state.output.catalogUrl || start.kind !== 'blank') this.state.output.catalogUrl = `/cookie-catalogs/${start.fileName}`;
    this.change();
    this.announce(`Started from ${start.from}.${this.problems.length ? ` ${this.problemCount()} to fix.` : ''}`);
    // Focus the form's heading: the page below the start has changed.
    requestAnimationFrame(() => this.root.querySelector<HTMLElement>('#catalogue-heading')?.focus());
  }

  /** Removes an item (a cookie, a category) from its list, keeping it for "Undo". */
  removeItem(list: unknown[], index: number, words: string): void {
    const [item] = list.slice(index, index + 1);
    this.change(() => list.splice(index, 1));
    this.state.lastRemoval = { list, index, item, words };
    this.announce(`Removed ${words}.`);
    this.focusAfterRender('#undo-removal');
  }

  undoRemoval(): void {
    const removal = this.state.lastRemoval;
    if (!removal) return;
    this.state.lastRemoval = undefined;
    this.change(() => removal.list.splice(Math.min(removal.index, removal.list.length), 0, removal.item));
    this.announce(`Put back ${removal.words}.`);
  }

  /** Forgets the draft and the catalogue: the page is as on a first visit. */
  discard(): void {
    discardDraft();
    this.state = {
      ...this.state,
      start: undefined,
      catalog: undefined,
      restoredAt: undefined,
      choosingStart: false,
      downloadRefused: false,
      lastRemoval: undefined,
    };
    this.state.colours = {};
    this.#recheck();
    this.renderNow();
    this.announce('Draft discarded. Nothing of it is kept in this browser.');
    requestAnimationFrame(() => this.root.querySelector<HTMLElement>('#start-heading')?.focus());
  }

  /** After any change: check, keep the draft, render. */
  change(mutate?: () => void): void {
    mutate?.();
    this.#recheck();
    this.#keepDraft();
    this.scheduleRender();
  }

  /** Sets the value at a path of the catalogue (undefined removes it). */
  set(path: string, value: unknown): void {
    this.change(() => setValueAt(this.state.catalog!, path, value));
  }

  /** A field was left after a change: its problems show now, and are said. */
  touch(path: string, key = String(segmentsOf(path).pop())): void {
    const holder = valueAt(this.state.catalog, segmentsOf(path).slice(0, -1));
    if (isObject(holder)) {
      let keys = this.touched.get(holder);
      if (!keys) this.touched.set(holder, (keys = new Set()));
      keys.add(key);
    }
    this.scheduleRender();
    const problems = this.problems.filter((problem) => problem.place === placeOf(path).path && this.isVisible(problem));
    if (problems.length) this.announce(problems.map((problem) => `${problem.where}: ${problem.message}`).join('. '));
  }

  /** Whether a problem shows yet: not inside something just added until its field is left, or a download tried. */
  isVisible(problem: Problem): boolean {
    if (this.state.downloadRefused) return true;
    const segments = segmentsOf(problem.path);
    let value: unknown = this.state.catalog;
    let freshHolder: object | undefined;
    let key: string | undefined;
    for (let i = 0; i < segments.length && isObject(value); i++) {
      if (this.fresh.has(value)) [freshHolder, key] = [value, String(segments[i])];
      value = (value as Json)[segments[i]];
    }
    return !freshHolder || !!this.touched.get(freshHolder)?.has(key!);
  }

  /** Problems at a field or group, as shown now. */
  problemsAt(place: string, field: boolean): ShownProblem[] {
    return this.problems.filter((problem) => problem.place === place && problem.field === field && this.isVisible(problem));
  }

  problemCount(): string {
    const n = this.problems.length;
    return `${n} problem${n === 1 ? '' : 's'}`;
  }

  #recheck(): void {
    const catalog = this.state.catalog;
    if (!catalog) {
      this.check = { problems: [], warnings: [] };
      this.problems = [];
      return;
    }
    this.check = checkCatalog(catalog);
    this.formProblems = this.#lifetimeProblems();
    const byForm = new Set(this.formProblems.map((problem) => problem.path));
    const all = [...this.formProblems, ...(this.check.problems ?? []).filter((problem) => !byForm.has(problem.path))];
    this.problems = all.map((problem) => {
      const place = placeOf(problem.path);
      return { ...problem, place: place.path, field: place.field, where: pathInWords(catalog, problem.path) };
    });
  }

  /** A lifetime typed but not writable: the form's own problem, which blocks the download as the validator's do. */
  #lifetimeProblems(): Problem[] {
    const problems: Problem[] = [];
    const categories = this.state.catalog?.categories;
    if (!Array.isArray(categories)) return problems;
    categories.forEach((category, i) => {
      const cookies = isObject(category) && Array.isArray(category.cookies) ? category.cookies : [];
      cookies.forEach((cookie: unknown, j: number) => {
        const typed = isObject(cookie) ? this.lifetimes.get(cookie) : undefined;
        const problem = typed && writeLifetime(typed).problem;
        if (problem) problems.push({ path: pathOf(['categories', i, 'cookies', j, 'expires']), message: problem });
      });
    });
    return problems;
  }

  #keepDraft(): void {
    const { start, catalog, colours, output } = this.state;
    if (!start || !catalog) return;
    const draft: Draft = {
      version: 1,
      savedAt: Date.now(),
      start,
      catalog,
      colours,
      output: { scriptFolder: output.scriptFolder, catalogUrl: output.catalogUrl },
    };
    this.state.draftNotKept = !writeDraft(draft);
  }

  /** Says something to screen readers (a polite live region), once. */
  /**
   * Focus after a change that moves or replaces what had it (a category moved up, a cookie added,
   * removed or moved to another category): the next render's element, found by selector.
   */
  focusAfterRender(selector: string): void {
    const move = () => {
      this.afterRender.delete(move);
      this.root.querySelector<HTMLElement>(selector)?.focus();
    };
    this.afterRender.add(move);
  }

  announce(text: string): void {
    // Emptied first, so the same words said twice are said again.
    this.announcer.textContent = '';
    requestAnimationFrame(() => {
      this.announcer.textContent = text;
    });
  }

  scheduleRender(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => this.renderNow());
  }

  renderNow(): void {
    this.#scheduled = false;
    render(this.view(this), this.root);
    for (const callback of this.afterRender) callback();
  }
}
