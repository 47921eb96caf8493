import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright';
import { build, type Rollup } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importPolicy } from '../../src/cli/import/import-policy.js';
import { launchChromium } from '../support/e2e.js';
import { fixture, ROOT } from './run-cli.js';

/**
 * The importer's core runs in a web page as it does on the command line (the catalogue
 * editor uses it there): bundled for the browser, with no Node APIs, it gives the same draft
 * in Chromium as in Node.
 */
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: `${ROOT}src/cli/import/import-policy.ts`, formats: ['iife'], name: 'CookieImporter', fileName: 'importer' },
    },
  })) as Rollup.RollupOutput[];
  bundle = output[0].output[0].code;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the importer in a browser', () => {
  test('the bundle has no Node built-ins', () => {
    expect(bundle).not.toMatch(/\brequire\(["']|from ["']node:|process\.env|\bBuffer\./);
  });

  test.each([
    'council-pages/york-council-and-democracy.txt',
    'cli/council-layouts.html',
    'cookie-control/northbrook-cookies-page.html',
    'cookie-control/eastvale-cookie-control.js',
  ])('%s: the same draft and notes in Chromium as in Node', async (file) => {
    const text = readFileSync(fixture(file), 'utf8');
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>Importer</title>');
    await page.addScriptTag({ content: bundle });
    const inBrowser = await page.evaluate(
      (input) => (window as unknown as { CookieImporter: { importPolicy: typeof importPolicy } }).CookieImporter.importPolicy(input),
      text,
    );
    expect(inBrowser).toEqual(JSON.parse(JSON.stringify(importPolicy(text))));
    await page.close();
  });
});
