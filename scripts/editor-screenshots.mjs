// Screenshots of the catalogue editor for a release note or the docs: a catalogue built from a
// real council's pasted cookie policy (tests/fixtures/council-pages/), its form, a problem at its
// field, the download refused, the preview in English and Welsh, and the outputs.
// Usage: npm run build, then node scripts/editor-screenshots.mjs <folder for the PNGs>
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from '../dist/chromium.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? 'editor-screenshots');
mkdirSync(out, { recursive: true });
const executablePath = chromiumExecutable();
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.setDefaultTimeout(10000);
page.on('pageerror', (error) => console.error('page error:', error.message));
await page.goto(pathToFileURL(join(root, 'dist/docs/editor/index.html')).href);
await page.locator('#policy-text').fill(readFileSync(join(root, 'tests/fixtures/council-pages/york-council-and-democracy.txt'), 'utf8'));
await page.locator('#policy-site-name').fill('City of York Council');
await page.locator('#policy-domain').fill('york.gov.uk');
await page.screenshot({ path: join(out, '01-start-policy-pasted.png'), fullPage: true });
await page.getByRole('button', { name: 'Read the policy' }).click();
await page.locator('#catalogue-heading').waitFor();

await page.evaluate(() => window.scrollTo(0, document.querySelector('.started').getBoundingClientRect().top + scrollY - 16));
await page.screenshot({ path: join(out, '02-form-after-import.png') });
const gid = page.locator('details.cookie', { has: page.locator('.cookie__name', { hasText: /^_gid$/ }) });
if (!(await gid.evaluate((e) => e.open))) await gid.locator('summary').click();
await gid.scrollIntoViewIfNeeded();
await gid.screenshot({ path: join(out, '03-cookie-fields-with-question-and-suggestion.png') });

// A problem at its field, and the download refused.
const days = page.locator('#field-consentCookie-expiresDays');
await days.fill('500');
await days.blur();
await page.locator('#field-consentCookie-expiresDays-error').waitFor();
await page.locator('section[aria-labelledby="consent-cookie-heading"]').screenshot({ path: join(out, '04-problem-at-its-field.png') });
await page.locator('#download-catalogue').click();
await page.locator('#download-problems').waitFor();
await page.locator('#download-problems').scrollIntoViewIfNeeded();
await page.locator('section[aria-labelledby="outputs-heading"]').screenshot({ path: join(out, '05-download-refused.png') });
await days.fill('365');
await days.blur();
await page.locator('#download-status').waitFor();

// Answers: a suggestion taken, Welsh beside the English.
await gid.getByRole('button', { name: 'Use this provider for _gid' }).click();
for (const [id, text] of [
  ['#field-categories-0-title-cy', 'Cwcis hanfodol'],
  ['#field-categories-1-title-cy', 'Cwcis dadansoddi (dewisol)'],
]) {
  await page.locator(id).fill(text);
  await page.locator(id).blur();
}
const gidPurposeCy = gid.locator('[id$="-purpose-cy"]');
await gidPurposeCy.fill('Gwerth unigryw i wahaniaethu rhwng ymwelwyr newydd ac ymwelwyr sy’n dychwelyd.');
await gidPurposeCy.blur();
// The preview, in English then Welsh, phone then desktop.
const frame = page.frameLocator('iframe.preview__frame');
const previewSection = page.locator('section[aria-labelledby="preview-heading"]');
await frame.getByRole('button', { name: 'Accept analytics cookies' }).waitFor();
await previewSection.scrollIntoViewIfNeeded();
await previewSection.screenshot({ path: join(out, '06-preview-english-phone.png') });
await page.locator('#preview-lang-cy').check();
await frame.getByRole('button', { name: 'Derbyn cwcis dadansoddi' }).waitFor();
await previewSection.screenshot({ path: join(out, '07-preview-welsh-phone.png') });
await page.locator('#preview-width-desktop').check();
await page.getByRole('button', { name: 'Open the cookie settings' }).click();
await frame.getByRole('dialog', { name: 'Gosodiadau cwcis' }).waitFor();
await previewSection.screenshot({ path: join(out, '08-preview-welsh-desktop-settings.png') });

// The outputs.
await page.locator('#preview-lang-en').check();
await page.locator('#script-folder').fill('/media/cookie-consent/');
await page.locator('#catalog-url').fill('/media/cookie-consent/city-of-york-council.json');
await page.locator('section[aria-labelledby="outputs-heading"]').screenshot({ path: join(out, '09-outputs.png') });
await browser.close();
console.log(`Screenshots in ${out}`);
