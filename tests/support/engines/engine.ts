/**
 * The one adapter the journeys drive every engine through. The journeys say what a resident
 * does (open a page, click a control, press a key) and read what the page shows by running
 * functions in it; each engine module says how its driver does those few things.
 */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

export type Key = 'Tab' | 'Shift+Tab' | 'Enter' | 'Space' | 'Escape' | 'ArrowLeft' | 'ArrowRight';

/** A cookie the current page can see, and the domain it is set on (a leading dot: a parent domain). */
export interface SeenCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** Seconds since 1970, or undefined for a session cookie. */
  expires?: number;
}

/** A function to run in the page: it receives `arg` and may return a promise; the value must be JSON. */
export type PageFunction<A, R> = (arg: A) => R | Promise<R>;

export interface Viewport {
  width: number;
  height: number;
}

/** One resident: a fresh profile (no cookies, no storage) with one tab. */
export interface Visitor {
  /** Goes to `url` and waits for the page's load event. */
  open(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn(arg)` in the page and returns its (awaited) value. */
  run<A, R>(fn: PageFunction<A, R>, arg: A): Promise<R>;
  /** Runs a classic script's source in the page (to bring in axe-core or the role queries). */
  addScript(source: string): Promise<void>;
  /** Clicks, with the real pointer, the element `find(arg)` returns in the page. */
  click<A>(find: PageFunction<A, Element | null>, arg: A): Promise<void>;
  /** Presses a key, as a keyboard would, wherever focus is. */
  press(key: Key): Promise<void>;
  /** Cookies the current page can see. */
  cookies(): Promise<SeenCookie[]>;
  close(): Promise<void>;
}

export interface Engine {
  name: EngineName;
  /** Engine and version, for the log. */
  version(): Promise<string>;
  /** A new resident, whose page is `viewport` CSS pixels (default 1280 × 800). */
  visitor(viewport?: Viewport): Promise<Visitor>;
  close(): Promise<void>;
}

export interface EngineLauncher {
  name: EngineName;
  /** Human name: "Chromium", "Firefox", "WebKit". */
  title: string;
  /** What is missing on this machine to run the engine (and how to get it), or undefined. */
  missing(): string | undefined;
  /** Starts the engine, pointed at the journey site's proxy. */
  launch(proxy: string): Promise<Engine>;
}
