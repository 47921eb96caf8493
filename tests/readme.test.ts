import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../src/catalog/definition.js';
import { validateCatalog } from '../src/catalog/validate.js';
import { explainProblem } from '../src/cli/problem-hints.js';
import { parseConsentRecord } from '../src/consent/consent-record.js';

/** The README's code blocks of one language, so its examples are checked, not just read. */
const readme = readFileSync('README.md', 'utf8');
const blocks = (language: string) => [...readme.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]);

describe('README examples', () => {
  const [catalogExample, cookieExample] = blocks('json');

  it('the catalogue example is a valid catalogue', () => {
    expect(validateCatalog(JSON.parse(catalogExample)).problems).toBeUndefined();
  });

  it('the consent cookie example is read as a choice under that catalogue', () => {
    const catalog = JSON.parse(catalogExample) as Catalog;
    const record = parseConsentRecord(cookieExample.trim(), catalog, 1764000000000 + 1000);
    expect(record?.categories).toEqual({ analytics: true });
  });

  it('the validation message shown is the one the validator gives', () => {
    const catalog = JSON.parse(readFileSync('cookie-catalogs/tunbridge-wells.json', 'utf8'));
    catalog.categories[1].cookies[0].expires = '2 years';
    const [problem] = validateCatalog(catalog).problems!.map(explainProblem);
    expect(blocks('text').join('\n')).toContain(`cookie-catalogs/tunbridge-wells.json: ${problem.path}: ${problem.message}`);
  });

  it('the quick start test command is what CI runs', () => {
    const command = blocks('sh')
      .find((block) => block.includes('npm test'))!
      .trim();
    expect(readFileSync('.ci/run', 'utf8')).toContain(`\n${command}\n`);
  });
});
