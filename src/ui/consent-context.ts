import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog } from '../catalog/definition.js';
import type { ConsentChange, ConsentState } from '../consent/consent-state.js';
import type { Messages } from './i18n/wording.js';

/** What the elements need from the page's consent: read it, change it through `state`. */
export interface ConsentContext {
  catalog: Catalog;
  lang: string;
  wording: Messages;
  state: ConsentState;
  showPreferences(opener?: Element | null): void;
}

let provided: ConsentContext | undefined;
const waiting = new Set<() => void>();

/** Makes the page's consent available to its elements, including those already in the page. */
export function provideConsentContext(context: ConsentContext): void {
  provided = context;
  for (const attach of [...waiting]) attach();
  waiting.clear();
}

/**
 * Connects an element to the page's consent: it renders again on every change, and
 * waits (rendering its fallback) until the catalogue has loaded.
 */
export class ConsentController implements ReactiveController {
  context?: ConsentContext;
  private unsubscribe?: () => void;
  private readonly attach = () => {
    this.context = provided!;
    this.unsubscribe = this.context.state.subscribe((change) => {
      this.onChange?.(change);
      this.host.requestUpdate();
    });
    this.host.requestUpdate();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange?: (change: ConsentChange) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (provided) this.attach();
    else waiting.add(this.attach);
  }

  hostDisconnected(): void {
    waiting.delete(this.attach);
    this.unsubscribe?.();
  }
}
