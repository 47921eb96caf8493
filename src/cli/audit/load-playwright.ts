import type { BrowserType } from 'playwright-core';
import { CannotRun } from './cannot-run.js';

/**
 * Playwright's Chromium driver, loaded only when an audit runs: playwright-core is an
 * optional peer dependency, so the other commands work without it.
 */
export async function loadChromium(moduleName = 'playwright-core'): Promise<BrowserType> {
  try {
    const playwright = (await import(moduleName)) as { chromium?: BrowserType; default?: { chromium?: BrowserType } };
    const chromium = playwright.chromium ?? playwright.default?.chromium;
    if (!chromium) throw new CannotRun(`${moduleName} has no Chromium driver`);
    return chromium;
  } catch (error) {
    if (error instanceof CannotRun) throw error;
    throw new CannotRun(`audit needs ${moduleName} (npm install --save-dev ${moduleName}), and it could not be loaded`);
  }
}
