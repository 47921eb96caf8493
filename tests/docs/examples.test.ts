import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/definition.js';
import { validateCatalog } from '../../src/catalog/validate.js';
import { importPolicy } from '../../src/cli/import/import-policy.js';
import { explainProblem } from '../../src/cli/problem-hints.js';
import { parseConsentRecord } from '../../src/consent/consent-record.js';
import { ConsentState } from '../../src/consent/consent-state.js';
import { consentSnapshot } from '../../src/effects/consent-log.js';

/** A Markdown file's code blocks of one language, so the documentation's examples are checked, not just read. */
const blocks = (file: string, language: string) =>
  [...readFileSync(file, 'utf8').matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((m) => m[1]);

const [readmeCatalogue] = blocks('README.md', 'json');
const catalog = () => JSON.parse(readmeCatalogue) as Catalog;

describe('README examples', () => {
  it('the catalogue example is a valid catalogue', () => {
    expect(validateCatalog(catalog()).problems).toBeUndefined();
  });

  it('the test command is what CI runs', () => {
    const command = blocks('README.md', 'sh')
      .find((block) => block.includes('npm test'))!
      .trim();
    expect(readFileSync('.ci/run', 'utf8')).toContain(`\n${command}\n`);
  });
});

describe('docs/catalogue.md', () => {
  it('the validation message shown is the one the validator gives', () => {
    const broken = JSON.parse(readFileSync('cookie-catalogs/tunbridge-wells.json', 'utf8'));
    broken.categories[1].cookies[0].expires = '2 years';
    const [problem] = validateCatalog(broken).problems!.map(explainProblem);
    expect(blocks('docs/catalogue.md', 'text').join('\n')).toContain(
      `cookie-catalogs/tunbridge-wells.json: ${problem.path}: ${problem.message}`,
    );
  });
});

describe('docs/consent-records.md', () => {
  const [cookieExample, logExample] = blocks('docs/consent-records.md', 'json');

  it('the consent cookie example is read as a choice under the README catalogue', () => {
    const record = parseConsentRecord(cookieExample.trim(), catalog(), 1764000000000 + 1000);
    expect(record?.categories).toEqual({ analytics: true });
  });

  it('the consent log example is what the log sends for that choice: the same fields, the same values', () => {
    // The same choice made a minute ago, so that it is current.
    const stored = { ...JSON.parse(cookieExample), time: Date.now() - 60000 };
    const state = new ConsentState(catalog(), { read: () => JSON.stringify(stored), write: () => true, remove: () => undefined }, false);
    const sent = consentSnapshot(state)!;
    const shown = JSON.parse(logExample);
    expect(Object.keys(shown).sort()).toEqual(Object.keys(sent).sort());
    expect({ ...shown, time: sent.time }).toEqual(sent);
  });
});

describe('docs/google-tag-manager.md', () => {
  it('the category example is a valid category of a catalogue', () => {
    const [category] = blocks('docs/google-tag-manager.md', 'json');
    const withIt = catalog();
    withIt.categories[1] = JSON.parse(category);
    expect(validateCatalog(withIt).problems).toBeUndefined();
  });
});

describe('docs/cookie-control.md', () => {
  const [before] = blocks('docs/cookie-control.md', 'js');
  const [after] = blocks('docs/cookie-control.md', 'json');

  it('the catalogue after the move is valid, with no question left open', () => {
    const catalogue = JSON.parse(after) as Catalog;
    expect(validateCatalog(catalogue).problems).toBeUndefined();
    expect(catalogue.review).toBeUndefined();
  });

  it('is what import drafts from the set-up before, with the review answered', () => {
    const draft = importPolicy(before, { siteName: 'Eastvale Borough Council' }).catalog;
    const catalogue = JSON.parse(after) as Catalog;
    const shape = (c: Catalog) => ({
      site: c.site,
      consentCookie: { name: c.consentCookie.name, expiresDays: c.consentCookie.expiresDays },
      migrate: c.migrate,
      categories: c.categories.map((category) => ({
        id: category.id,
        title: category.title,
        googleConsentMode: category.googleConsentMode,
        cookies: category.cookies.map((cookie) => cookie.name),
      })),
    });
    expect(shape(catalogue)).toEqual(shape(draft));
    // Every question the draft asks is answered in the catalogue after.
    for (const path of Object.keys(draft.review ?? {})) {
      const [, index, cookie, field] = /^categories\[(\d+)\](?:\.cookies\[(\d+)\])?(?:\.(\w+))?$/.exec(path) ?? [];
      if (cookie && field) expect(catalogue.categories[Number(index)].cookies[Number(cookie)], path).toHaveProperty(field);
    }
  });
});
