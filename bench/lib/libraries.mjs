// The libraries compared, each on its own page in bench/pages/ set up as its documentation says.
// For each: where its files are served from (what it adds to a page), how to find its banner
// (for time-to-banner), its accept and reject buttons, its documented call to withdraw consent,
// and how the policy page shows the cookie tables ('static': the pasted HTML alone; 'elements':
// inside <cookie-table>, with `tablesReady`, run in the page, resolving when the elements have
// taken the tables over from the catalogue).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const version = (pkg) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../${pkg ? `node_modules/${pkg}/` : ''}package.json`, import.meta.url)), 'utf8'))
    .version;

const ours = {
  ours: true,
  version: version(),
  assets: ['/dist/council-cookie-consent.'],
  banner: ['cookie-banner', '.banner'],
  tables: 'elements',
  tablesReady: `(async () => {
    await customElements.whenDefined('cookie-table');
    const tables = [...document.querySelectorAll('cookie-table')];
    while (!tables.every((table) => table.consent?.catalog)) await new Promise((frame) => requestAnimationFrame(frame));
    await Promise.all(tables.map((table) => table.updateComplete));
    return performance.now();
  })()`,
  accept: (page) => page.getByRole('button', { name: 'Accept analytics cookies', exact: true }),
  reject: (page) => page.getByRole('button', { name: 'Reject analytics cookies', exact: true }),
  withdraw: 'window.CookieConsent.rejectAll()',
};

export const LIBRARIES = [
  { id: 'baseline', label: 'no library (floor)', page: 'baseline', baseline: true, assets: [], banner: null, tables: 'static' },
  // The script tag as the README sets it up: the core, which fetches its parts when needed; the catalogue preloaded.
  { ...ours, id: 'council-cookie-consent', label: 'council-cookie-consent', page: 'council-cookie-consent', primary: true },
  {
    ...ours,
    id: 'council-cookie-consent-inline',
    label: 'council-cookie-consent (inline catalogue)',
    page: 'council-cookie-consent-inline',
  },
  {
    ...ours,
    id: 'council-cookie-consent-single',
    label: 'council-cookie-consent (single file)',
    page: 'council-cookie-consent-single',
  },
  {
    id: 'vanilla-cookieconsent',
    label: 'vanilla-cookieconsent',
    version: version('vanilla-cookieconsent'),
    page: 'vanilla-cookieconsent',
    tables: 'static',
    assets: ['/node_modules/vanilla-cookieconsent/'],
    banner: ['#cc-main .cm'],
    accept: (page) => page.locator('#cc-main .cm [data-role="all"]'),
    reject: (page) => page.locator('#cc-main .cm [data-role="necessary"]'),
    withdraw: 'CookieConsent.acceptCategory([])',
  },
  {
    id: 'orejime',
    label: 'orejime',
    version: version('orejime'),
    page: 'orejime',
    tables: 'static',
    assets: ['/node_modules/orejime/'],
    banner: ['.orejime-Banner'],
    accept: (page) => page.locator('.orejime-Banner-saveButton'),
    reject: (page) => page.locator('.orejime-Banner-declineButton'),
    withdraw: 'window.orejime.manager.declineAll()',
  },
  {
    id: 'klaro',
    label: 'klaro',
    version: version('klaro'),
    page: 'klaro',
    tables: 'static',
    assets: ['/node_modules/klaro/'],
    banner: ['#klaro .cookie-notice'],
    accept: (page) => page.locator('#klaro .cookie-notice .cm-btn-success'),
    reject: (page) => page.locator('#klaro .cookie-notice .cn-decline'),
    withdraw: '(() => { const manager = klaro.getManager(); manager.changeAll(false); manager.saveAndApplyConsents(); })()',
  },
  {
    id: 'tarteaucitron',
    label: 'tarteaucitronjs',
    version: version('tarteaucitronjs'),
    page: 'tarteaucitron',
    tables: 'static',
    assets: ['/node_modules/tarteaucitronjs/'],
    banner: ['#tarteaucitronAlertBig'],
    accept: (page) => page.locator('#tarteaucitronPersonalize2'),
    reject: (page) => page.locator('#tarteaucitronAllDenied2'),
    withdraw: 'tarteaucitron.userInterface.respondAll(false)',
  },
];
