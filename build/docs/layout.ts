import { escapeHtml } from './html.js';
import { type Page, SECTIONS } from './site-map.js';

export const SITE_NAME = 'council-cookie-consent';

/** The link from one page of the site to another (all pages sit in one folder; the editor in its own). */
const href = (page: Page) => page.output;

/** The navigation, with the current page marked for assistive technology. */
function navigation(current: Page): string {
  const sections = SECTIONS.map((section, index) => {
    const id = `nav-section-${index}`;
    const items = section.pages
      .map((page) => {
        const currentMark = page === current ? ' aria-current="page"' : '';
        return `<li><a href="${escapeHtml(href(page))}"${currentMark}>${escapeHtml(page.label)}</a></li>`;
      })
      .join('');
    return `<p class="nav-section" id="${id}">${escapeHtml(section.label)}</p><ul aria-labelledby="${id}">${items}</ul>`;
  }).join('');
  return `<nav class="site-nav" aria-label="Documentation">${sections}</nav>`;
}

export interface LayoutOptions {
  /** The page's own title (its first heading). */
  title: string;
  /** The rendered body of the page, starting with its `<h1>`. */
  content: string;
  /** Load the docs bundle: live examples. */
  withExamples?: boolean;
}

/**
 * A page of the site: a skip link, a header, the navigation and the main content, as plain
 * static HTML (no server-side step, no script needed to read it).
 */
export function layout(page: Page, { title, content, withExamples = false }: LayoutOptions): string {
  const script = withExamples ? '\n  <script type="module" src="assets/docs-site.js"></script>' : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title === SITE_NAME ? `${SITE_NAME} documentation` : `${escapeHtml(title)} – ${SITE_NAME}`}</title>
  <link rel="stylesheet" href="assets/docs.css">${script}
</head>
<body>
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="site-header">
    <p class="site-name"><a href="index.html">${SITE_NAME}</a> <span>documentation</span></p>
  </header>
  <div class="site-columns">
    ${navigation(page)}
    <main id="main" tabindex="-1">
${content}
    </main>
  </div>
  <footer class="site-footer">
    <p>${SITE_NAME}: MIT licence. These pages are built from the repository's <code>docs/</code> folder, the catalogue schema and the elements' own documentation by <code>npm run build</code>.</p>
  </footer>
</body>
</html>
`;
}
