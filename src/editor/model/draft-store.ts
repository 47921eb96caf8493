import type { ImportNote } from '../../cli/import/import-policy.js';
import type { Start } from './starting-points.js';

/**
 * The editor's draft, kept in this browser's localStorage only (nothing is ever sent anywhere),
 * so closing the tab loses nothing; "Discard draft" removes it.
 */
export const DRAFT_KEY = 'council-cookie-consent:catalogue-editor-draft';

export interface Draft {
  version: 1;
  savedAt: number;
  start: Start;
  catalog: Record<string, unknown>;
  colours: Record<string, string>;
  output: { scriptFolder: string; catalogUrl: string };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The kept draft, if there is one this version of the editor can read. */
export function readDraft(storage: Storage | undefined = safeStorage()): Draft | undefined {
  let text: string | null | undefined;
  try {
    text = storage?.getItem(DRAFT_KEY);
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    const draft = JSON.parse(text) as Draft;
    const start = draft.start as Partial<Start> | undefined;
    if (draft.version !== 1 || !isObject(draft.catalog) || !isObject(start?.catalog) || typeof start?.from !== 'string') return undefined;
    return {
      ...draft,
      start: { ...(start as Start), notes: Array.isArray(start.notes) ? (start.notes as ImportNote[]) : undefined },
      colours: isObject(draft.colours) ? (draft.colours as Record<string, string>) : {},
      output: isObject(draft.output) ? draft.output : { scriptFolder: '', catalogUrl: '' },
    };
  } catch {
    return undefined;
  }
}

/** Keeps the draft; false when the browser refuses (storage full or turned off), so the page can say so. */
export function writeDraft(draft: Draft, storage: Storage | undefined = safeStorage()): boolean {
  try {
    storage?.setItem(DRAFT_KEY, JSON.stringify(draft));
    return !!storage;
  } catch {
    return false;
  }
}

export function discardDraft(storage: Storage | undefined = safeStorage()): void {
  try {
    storage?.removeItem(DRAFT_KEY);
  } catch {
    // Nothing kept, nothing to remove.
  }
}

/** localStorage, or undefined where reading it throws (storage turned off, some file:// set-ups). */
function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
