import { existsSync } from 'node:fs';
import { chromium as playwrightChromium } from 'playwright';
import puppeteer, { type Browser, type ElementHandle, type LaunchOptions } from 'puppeteer-core';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../../src/cli/chromium.js';
import type { Engine, EngineLauncher, EngineName, Key, Visitor } from './engine.js';

/** Chromium over the DevTools protocol and Firefox over WebDriver BiDi: one driver, Puppeteer, for both. */
function puppeteerEngine(name: EngineName, browser: Browser): Engine {
  return {
    name,
    version: () => browser.version(),
    async visitor(viewport = { width: 1280, height: 800 }): Promise<Visitor> {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport(viewport);
      const press = async (key: Key) => {
        if (key === 'Shift+Tab') {
          await page.keyboard.down('Shift');
          await page.keyboard.press('Tab');
          await page.keyboard.up('Shift');
        } else await page.keyboard.press(key);
      };
      return {
        open: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
        reload: async () => void (await page.reload({ waitUntil: 'load' })),
        run: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
        addScript: async (source) => void (await page.evaluate(source)),
        async click(find, arg) {
          const handle = await page.evaluateHandle(find as (arg: unknown) => Element | null, arg);
          const element = handle.asElement() as ElementHandle<Element> | null;
          if (!element) throw new Error(`nothing to click for ${JSON.stringify(arg)}`);
          await element.click();
          await handle.dispose();
        },
        press,
        cookies: async () =>
          (await page.cookies()).map(({ name, value, domain, path, expires }) => ({
            name,
            value,
            domain,
            path,
            expires: expires > 0 ? expires : undefined,
          })),
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

const FIREFOXES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
/** FIREFOX_PATH if set (and only it), else the system's Firefox. */
const firefoxExecutable = () => (process.env.FIREFOX_PATH ? [process.env.FIREFOX_PATH] : FIREFOXES).find((path) => existsSync(path));
/** The system's Chromium, else Playwright's own (as the other tests use). */
const chromiumPath = () => chromiumExecutable() ?? [playwrightChromium.executablePath()].find((path) => path && existsSync(path));

export const chromium: EngineLauncher = {
  name: 'chromium',
  title: 'Chromium',
  missing: () => (chromiumPath() ? undefined : 'no Chromium (set CHROMIUM_PATH, or run `npm run setup:chromium`)'),
  async launch(proxy) {
    const options: LaunchOptions = {
      browser: 'chrome',
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, `--proxy-server=http://${proxy}`],
    };
    return puppeteerEngine('chromium', await puppeteer.launch(options));
  },
};

export const firefox: EngineLauncher = {
  name: 'firefox',
  title: 'Firefox',
  missing: () => (firefoxExecutable() ? undefined : 'no Firefox (set FIREFOX_PATH, or install Debian’s firefox-esr)'),
  async launch(proxy) {
    const [host, port] = proxy.split(':');
    const options: LaunchOptions = {
      browser: 'firefox',
      executablePath: firefoxExecutable(),
      headless: true,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': host,
        'network.proxy.http_port': Number(port),
      },
    };
    return puppeteerEngine('firefox', await puppeteer.launch(options));
  },
};
