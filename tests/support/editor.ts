import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright';
import { expect } from 'vitest';
import { ROOT, runCli } from '../cli/run-cli.js';

/** The built editor page (npm run build). */
export const EDITOR_FILE = `${ROOT}dist/docs/editor/index.html`;
export const EDITOR_PATH = '/docs/editor/';

export function requireEditorBuild(): void {
  if (!existsSync(EDITOR_FILE)) throw new Error(`${EDITOR_FILE} is missing: run npm run build before these tests`);
}

/** Opens the editor and waits until it has drawn its start. */
export async function openEditor(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('#start-heading, #catalogue-heading').first().waitFor();
}

/** What the live region last said. */
export const announced = (page: Page) => page.locator('#announcer').textContent();

/** The preview frame, and its document once the elements have drawn. */
export const preview = (page: Page): FrameLocator => page.frameLocator('iframe.preview__frame');
export const previewFrame = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame() && f !== page.mainFrame());
  if (!frame) throw new Error('no preview frame');
  return frame;
};

/** Starts from a council's bundled catalogue. */
export async function startFromBundled(page: Page, file: string): Promise<void> {
  await page.locator('#bundled-catalogue').selectOption(file);
  await page.getByRole('button', { name: 'Start from this catalogue' }).click();
  await page.locator('#catalogue-heading').waitFor();
}

const downloads = mkdtempSync(join(tmpdir(), 'editor-downloads-'));
let saved = 0;

/** Clicks "Download the catalogue" and saves the file the browser is given. */
export async function downloadCatalogue(page: Page): Promise<{ file: string; name: string; json: Record<string, unknown> }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-catalogue').click()]);
  const file = join(downloads, `${++saved}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { file, name: download.suggestedFilename(), json: JSON.parse(readFileSync(file, 'utf8')) };
}

/** Runs `council-cookie-consent validate` on a downloaded file: it must pass. */
export async function expectValid(file: string): Promise<string> {
  const run = await runCli(['validate', file]);
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(/: valid/);
  expect(run.code).toBe(0);
  return run.stdout;
}

/** A field's input, by its JSON path (as the editor names its ids). */
export const field = (page: Page, path: string) => page.locator(`#field-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`);

/** Types into a field and leaves it, as a person does: its problems show then. */
export async function fillField(page: Page, path: string, value: string): Promise<void> {
  const input = field(page, path);
  await input.fill(value);
  await input.blur();
}
