import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { Builder, Key as Keys, type WebDriver, type WebElement } from 'selenium-webdriver';
import type { Engine, EngineLauncher, Key, Visitor } from './engine.js';

const WEBDRIVER = () => process.env.WEBKIT_WEBDRIVER || '/usr/bin/WebKitWebDriver';
/** MiniBrowser ships with libwebkit2gtk-4.1 (or webkitgtk-6.0) under the architecture's lib folder. */
function miniBrowser(): string | undefined {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  const lib = '/usr/lib';
  const folders = existsSync(lib) ? readdirSync(lib).filter((name) => name.endsWith('-linux-gnu')) : [];
  return folders
    .flatMap((arch) => ['webkit2gtk-4.1', 'webkitgtk-6.0'].map((api) => `${lib}/${arch}/${api}/MiniBrowser`))
    .find((path) => existsSync(path));
}
const XVFB = '/usr/bin/Xvfb';

/** Rejects with `what` if `promise` has not settled within `ms`: a hung driver fails the test, never the run. */
function deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`WebKit: ${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/** Stops a process we started and waits until it has gone (SIGKILL if SIGTERM is not enough). */
async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child) return;
  child.kill('SIGTERM');
  await deadline(exited(child), 5000, 'a process exiting').catch(() => {
    child.kill('SIGKILL');
    return exited(child);
  });
}

/** Xvfb on the first free display: -displayfd makes it pick one and tell us which. */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn(XVFB, ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = await deadline(
    new Promise<string>((resolve, reject) => {
      xvfb.stdio[3]?.once('data', (data: Buffer) => resolve(`:${String(data).trim()}`));
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it had a display`)));
    }),
    10000,
    'starting Xvfb',
  );
  return { display, process: xvfb };
}

async function startDriver(display: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const driver = spawn(WEBDRIVER(), [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  const ready = async () => {
    for (;;) {
      if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
      try {
        if ((await fetch(`${url}/status`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await deadline(ready(), 10000, 'starting WebKitWebDriver');
  return { url, process: driver };
}

const KEYS: Record<Exclude<Key, 'Shift+Tab'>, string> = {
  Tab: Keys.TAB,
  Enter: Keys.ENTER,
  Space: Keys.SPACE,
  Escape: Keys.ESCAPE,
  ArrowLeft: Keys.ARROW_LEFT,
  ArrowRight: Keys.ARROW_RIGHT,
};

function webkitVisitor(driver: WebDriver): Visitor {
  return {
    open: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    // WebDriver awaits a returned promise; `arg` arrives as the function's first argument.
    run: (fn, arg) => driver.executeScript(fn as (arg: unknown) => never, arg),
    addScript: async (source) => void (await driver.executeScript(source)),
    async click(find, arg) {
      const element = (await driver.executeScript(find as (arg: unknown) => never, arg)) as WebElement | null;
      if (!element) throw new Error(`nothing to click for ${JSON.stringify(arg)}`);
      await element.click();
    },
    async press(key) {
      const actions = driver.actions();
      if (key === 'Shift+Tab') await actions.keyDown(Keys.SHIFT).keyDown(Keys.TAB).keyUp(Keys.TAB).keyUp(Keys.SHIFT).perform();
      else await actions.keyDown(KEYS[key]).keyUp(KEYS[key]).perform();
    },
    cookies: async () =>
      (await driver.manage().getCookies()).map(({ name, value, domain, path, expiry }) => ({
        name,
        value,
        domain: domain ?? '',
        path: path ?? '/',
        expires: typeof expiry === 'number' ? expiry : expiry instanceof Date ? expiry.getTime() / 1000 : undefined,
      })),
    close: () => deadline(driver.quit(), 15000, 'ending a session'),
  };
}

/**
 * A MiniBrowser session, asked for twice at most: on a loaded machine MiniBrowser now and then
 * never answers its first new-session request (the page is never opened, so no test step is
 * repeated). A session that comes up after its deadline is ended, not leaked.
 */
async function newSession(url: string, capabilities: object): Promise<WebDriver> {
  for (let attempt = 1; ; attempt++) {
    const session = Promise.resolve(new Builder().usingServer(url).withCapabilities(capabilities).build());
    try {
      return await deadline(session, 30000, 'starting a MiniBrowser session');
    } catch (error) {
      session.then(
        (late) => late.quit(),
        () => undefined,
      );
      if (attempt === 2) throw error;
    }
  }
}

/**
 * WebKitGTK's MiniBrowser, driven over WebDriver classic by selenium-webdriver, through a
 * WebKitWebDriver we start, in an Xvfb we start (MiniBrowser has no headless mode).
 */
export const webkit: EngineLauncher = {
  name: 'webkit',
  title: 'WebKit',
  missing() {
    const lacking = [
      existsSync(WEBDRIVER()) ? '' : 'WebKitWebDriver',
      miniBrowser() ? '' : 'MiniBrowser',
      existsSync(XVFB) ? '' : 'Xvfb',
    ].filter(Boolean);
    return lacking.length ? `no ${lacking.join(', ')} (install Debian’s webkit2gtk-driver and xvfb)` : undefined;
  },
  async launch(proxy): Promise<Engine> {
    const xvfb = await startXvfb();
    const driver = await startDriver(xvfb.display).catch(async (error) => {
      await stop(xvfb.process);
      throw error;
    });
    // Should the test run die before afterAll, take the driver and Xvfb with it.
    const orphans = () => {
      driver.process.kill('SIGKILL');
      xvfb.process.kill('SIGKILL');
    };
    process.once('exit', orphans);
    const capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
      // No noProxy list: with one, MiniBrowser crashed about one session in four.
      proxy: { proxyType: 'manual', httpProxy: proxy },
    };
    let browserVersion = '';
    return {
      name: 'webkit',
      version: async () => `WebKitGTK ${browserVersion}`,
      async visitor(viewport = { width: 1280, height: 800 }) {
        // Each resident gets a session of their own, and so a MiniBrowser with an empty, ephemeral profile.
        const webDriver = await newSession(driver.url, capabilities);
        browserVersion ||= String((await webDriver.getCapabilities()).get('browserVersion'));
        // WebDriver sizes the window, which is taller than the page by MiniBrowser's toolbar: measure it, then size again.
        await webDriver.manage().window().setRect(viewport);
        const inner = (await webDriver.executeScript('return [innerWidth, innerHeight]')) as [number, number];
        await webDriver
          .manage()
          .window()
          .setRect({ width: 2 * viewport.width - inner[0], height: 2 * viewport.height - inner[1] });
        return webkitVisitor(webDriver);
      },
      async close() {
        process.off('exit', orphans);
        await stop(driver.process);
        await stop(xvfb.process);
      },
    };
  },
};
