// Writes this release's version and hashes into the README's install snippet (between the
// install-snippet markers), from package.json and dist/integrity.json: run `npm run snippet`
// after `npm run build` whenever a script-tag file changes. tests/package/release-files.test.ts
// fails until the README and the built files agree.
import { readFileSync, writeFileSync } from 'node:fs';

const README = new URL('../README.md', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const { files } = JSON.parse(readFileSync(new URL('../dist/integrity.json', import.meta.url), 'utf8'));
const readme = readFileSync(README, 'utf8');
const [start, end] = ['<!-- install-snippet:start -->', '<!-- install-snippet:end -->'].map((marker) => readme.indexOf(marker));
if (start < 0 || end < start) throw new Error('README.md has no install-snippet block');

const integrityOf = (file) => {
  if (!files[file]) throw new Error(`dist/integrity.json has no ${file}: run npm run build first`);
  return files[file];
};
const snippet = readme
  .slice(start, end)
  .replace(/council-cookie-consent@\d+\.\d+\.\d+[\w.-]*/g, `council-cookie-consent@${version}`)
  .replace(/council-cookie-consent-\d+\.\d+\.\d+[\w-]*(?=\.)/g, `council-cookie-consent-${version}`)
  // A tag's integrity is its src file's; a hash in running text follows the file it names.
  .replace(
    /(council-cookie-consent-[\w.-]+?\.js)((?:(?!council-cookie-consent-)[\s\S])*?integrity=")sha384-[^"]*/g,
    (_all, file, between) => `${file}${between}${integrityOf(file)}`,
  );
writeFileSync(README, readme.slice(0, start) + snippet + readme.slice(end));
console.log(`README.md: the install snippet is for ${version}`);
