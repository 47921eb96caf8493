import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Key, SeenCookie, Visitor } from './engine.js';
import { ORIGIN } from './site.js';

const require = createRequire(import.meta.url);
/** Testing Library's role queries and axe-core, brought into a page when a journey first needs them. */
const QUERIES = readFileSync(require.resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'), 'utf8');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** An element as residents and assistive technology know it: its role and accessible name, optionally inside one of our elements. */
export interface Target {
  role: string;
  name?: string;
  /** A CSS selector for the element whose shadow root (or shadow roots within) holds the target, e.g. "cookie-banner". */
  in?: string;
}

/** What a page shows of a target: how many match, and the first one's state. */
export interface Seen {
  count: number;
  visible: boolean;
  text: string;
  checked?: boolean;
  focused: boolean;
  rect?: { x: number; y: number; width: number; height: number };
  style?: Record<string, string>;
}

/** The focused element, looking through shadow roots. */
export interface Focus {
  tag: string;
  text: string;
  role: string;
  inBanner: boolean;
  inDialog: boolean;
  /** True when focus is on nothing in the page: the body, which is where it reads while the browser's own controls have it. */
  outsidePage: boolean;
  /** Where the focused element is in the viewport. */
  rect: { top: number; bottom: number; left: number; right: number };
}

type Window_ = Window & {
  TestingLibraryDom?: {
    queryAllByRole(container: ParentNode, role: string, options?: { name?: string; hidden?: boolean }): HTMLElement[];
  };
  CookieConsent?: { ready: Promise<unknown> };
  journeyRecord?: PageRecord;
  journeyFindAll?: (target: Target) => Element[];
  releaseLog?: string[];
  axe?: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
};

export interface PageRecord {
  console: { type: string; text: string }[];
  errors: string[];
  violations: string[];
}

// Page functions: each runs in the page, so it must not use anything from this module.

/** Every element with the target's role and name, in the document and every open shadow root, or only within the `in` elements (their children and shadow roots). */
function findAll(target: Target): Element[] {
  const dom = (window as Window_).TestingLibraryDom!;
  const containers: ParentNode[] = [];
  const visit = (root: Document | ShadowRoot, inScope: boolean) => {
    if (inScope) containers.push(root);
    for (const element of root.querySelectorAll('*')) {
      const scoped = inScope || (!!target.in && element.matches(target.in));
      if (scoped && !inScope) containers.push(element);
      if (element.shadowRoot) visit(element.shadowRoot, scoped);
    }
  };
  visit(document, !target.in);
  return containers.flatMap((root) =>
    dom.queryAllByRole(root, target.role, { hidden: true, ...(target.name === undefined ? {} : { name: target.name }) }),
  );
}

/** The first rendered element `findAll` finds (after the finder is in the page). */
const findFirst = (target: Target): Element | null =>
  (window as Window_).journeyFindAll!(target).find((element) => element.getClientRects().length > 0) ?? null;

/** What the page shows of the first rendered match (else the first match). */
function seeInPage([target, styles]: [Target, string[]]): Seen {
  const found = (window as Window_).journeyFindAll!(target);
  const first = (found.find((element) => element.getClientRects().length > 0) ?? found[0]) as HTMLElement | undefined;
  if (!first) return { count: 0, visible: false, text: '', focused: false };
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  const box = first.getBoundingClientRect();
  const computed = getComputedStyle(first);
  return {
    count: found.length,
    visible: box.width > 0 && box.height > 0 && computed.visibility !== 'hidden',
    text: (first.textContent ?? '').trim().replace(/\s+/g, ' '),
    checked: first instanceof HTMLInputElement ? first.checked : undefined,
    focused: active === first,
    rect: { x: box.x, y: box.y, width: box.width, height: box.height },
    style: Object.fromEntries(styles.map((property) => [property, computed.getPropertyValue(property)])),
  };
}

function focusNow(): Focus {
  let element = document.activeElement;
  const path: Element[] = [];
  while (element) {
    path.push(element);
    element = element.shadowRoot?.activeElement ?? null;
  }
  const deepest = path[path.length - 1];
  const box = deepest?.getBoundingClientRect();
  return {
    tag: deepest?.tagName.toLowerCase() ?? '',
    text: (deepest?.textContent ?? '').trim().replace(/\s+/g, ' '),
    role: deepest?.getAttribute('role') ?? '',
    inBanner: path.some((e) => e.tagName === 'COOKIE-BANNER'),
    inDialog: path.some((e) => e.tagName === 'COOKIE-PREFERENCES'),
    outsidePage: !deepest || deepest === document.body || deepest === document.documentElement,
    rect: { top: box?.top ?? 0, bottom: box?.bottom ?? 0, left: box?.left ?? 0, right: box?.right ?? 0 },
  };
}

/**
 * A resident in one engine: what they do and what they see, in words the journeys read.
 * Everything is looked up the way a resident or a screen reader would find it (role and name),
 * through the public surface only, so it holds whatever the elements are built from.
 */
export class Resident {
  constructor(readonly visitor: Visitor) {}

  open(path: string, host = ORIGIN) {
    return this.visitor.open(`${host}${path}`);
  }

  reload() {
    return this.visitor.reload();
  }

  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.visitor.run(fn, arg);
  }

  async #queries() {
    if (!(await this.visitor.run(() => !!(window as Window_).journeyFindAll, null)))
      await this.visitor.addScript(`${QUERIES};\nwindow.journeyFindAll = ${findAll.toString()};`);
  }

  /** What the page shows of `target` now; `styles` names computed style properties to read. */
  async see(target: Target, styles: string[] = []): Promise<Seen> {
    await this.#queries();
    return this.visitor.run(seeInPage, [target, styles] as [Target, string[]]);
  }

  /** The text of every element that matches `target`, in order. */
  async texts(target: Target): Promise<string[]> {
    await this.#queries();
    return this.visitor.run(
      (query) => (window as Window_).journeyFindAll!(query).map((element) => (element.textContent ?? '').trim().replace(/\s+/g, ' ')),
      target,
    );
  }

  /** Clicks `target` once it is on screen (the interface may arrive after the page has loaded). */
  async click(target: Target, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.see(target)).visible) {
      if (Date.now() > deadline) throw new Error(`${JSON.stringify(target)} did not appear within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.visitor.click(findFirst, target);
  }

  press(key: Key) {
    return this.visitor.press(key);
  }

  focus(): Promise<Focus> {
    return this.visitor.run(focusNow, null);
  }

  cookies(): Promise<SeenCookie[]> {
    return this.visitor.cookies();
  }

  async cookieNames(): Promise<string[]> {
    return (await this.cookies()).map((cookie) => cookie.name).sort();
  }

  /** Sets cookies from a page of the site, as an earlier visit's scripts would have. */
  async setCookies(cookies: string[]): Promise<void> {
    await this.open('/');
    await this.run((list) => {
      for (const cookie of list) document.cookie = cookie;
    }, cookies);
  }

  /** Waits for the library to have loaded the catalogue and read the choice (or to have failed closed). */
  async consentReady(): Promise<void> {
    const arrived = await this.run(
      () =>
        new Promise<boolean>((resolve) => {
          const started = Date.now();
          const check = () => {
            const api = (window as Window_).CookieConsent;
            if (api)
              api.ready.then(
                () => resolve(true),
                () => resolve(true),
              );
            else if (Date.now() - started > 15000) resolve(false);
            else setTimeout(check, 20);
          };
          check();
        }),
      null,
    );
    if (!arrived) throw new Error('window.CookieConsent did not appear within 15 s');
  }

  /** What the demo's blocked scripts recorded when they ran, in order. */
  releaseLog(): Promise<string[]> {
    return this.run(() => (window as Window_).releaseLog ?? [], null);
  }

  /** What the page logged, threw and violated since it loaded. */
  record(): Promise<PageRecord> {
    return this.run(() => (window as Window_).journeyRecord ?? { console: [], errors: [], violations: [] }, null);
  }

  /** axe-core's WCAG 2.2 AA and best-practice violations on the whole page, shadow roots included. */
  async axeViolations(): Promise<string[]> {
    if (!(await this.run(() => !!(window as Window_).axe, null))) await this.visitor.addScript(AXE);
    return this.run(async () => {
      const result = await (window as Window_).axe!.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      });
      return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    }, null);
  }

  close() {
    return this.visitor.close();
  }
}
