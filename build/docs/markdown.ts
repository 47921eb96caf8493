import { posix } from 'node:path';
import GithubSlugger from 'github-slugger';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';

/** What rendering one Markdown file needs to know about the rest of the repository. */
export interface MarkdownContext {
  /** The file's path in the repository, such as `docs/cli.md`. */
  source: string;
  /** The site page rendered from a repository file, if it is one. */
  pageFor(repoPath: string): string | undefined;
  /** A repository file a page links to: whether it exists, and is a file (not a folder). */
  fileKind(repoPath: string): 'file' | 'folder' | undefined;
  /** Puts a linked repository file into the site and returns its address there. */
  publishFile(repoPath: string): string;
  /** Generated blocks a page can ask for with `<!-- docs:NAME -->` on a line of its own. */
  blocks?: Record<string, () => string>;
}

export interface RenderedMarkdown {
  title: string;
  html: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Renders a Markdown file of the repository for the site. Links between Markdown files become
 * links between pages (`docs/cli.md#validate` → `cli.html#validate`), a link to another file
 * of the repository brings that file into the site, and a link to nothing stops the build,
 * naming the page and the link. Headings get GitHub's ids, so an anchor works on both.
 */
export function renderMarkdown(text: string, context: MarkdownContext): RenderedMarkdown {
  const slugger = new GithubSlugger();
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.use(anchor, { slugify: (heading: string) => slugger.slug(heading), tabIndex: false });

  // A wide code block scrolls; a keyboard user must be able to reach it to scroll it.
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, index, options, env, self) =>
    fence(tokens, index, options, env, self).replace(/^<pre>/, '<pre tabindex="0">');

  md.core.ruler.push('site-links', (state) => {
    for (const token of state.tokens) {
      // Links open and close in order: a stack pairs each close with its open.
      const open: { tag: string }[] = [];
      for (const child of token.children ?? []) {
        if (child.type === 'link_close') {
          child.tag = open.pop()?.tag ?? 'a';
          continue;
        }
        if (child.type !== 'link_open') continue;
        open.push(child);
        const href = child.attrGet('href');
        const target = href ? siteLink(String(href), context) : undefined;
        if (target) child.attrSet('href', target);
        else {
          // A folder of the repository has no page in the site: its name stays, as text.
          child.tag = 'span';
          child.attrs = null;
        }
      }
    }
  });

  const expanded = text.replace(/^<!-- docs:([a-z-]+) -->$/gm, (marker, name: string) => {
    const block = context.blocks?.[name];
    if (!block) throw new Error(`${context.source}: ${marker} names no block the docs build makes`);
    return block();
  });
  const tokens = md.parse(expanded, {});
  const heading = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  if (heading < 0) throw new Error(`${context.source}: has no level-one heading (# Title) to be the page's title`);
  return { title: tokens[heading + 1].content, html: md.renderer.render(tokens, md.options, {}) };
}

/** The link's address in the site; undefined for a folder of the repository, which has none. */
function siteLink(href: string, context: MarkdownContext): string | undefined {
  if (SCHEME.test(href) || href.startsWith('#') || href.startsWith('//')) return href;
  const [path, hash = ''] = href.split(/(?=#)/);
  if (path.startsWith('/')) throw new Error(`${context.source}: links to "${href}": use a path relative to the page`);
  const target = posix.normalize(posix.join(posix.dirname(context.source), decodeURI(path)));
  if (target.startsWith('..')) throw new Error(`${context.source}: links to "${href}", outside the repository`);
  const page = context.pageFor(target);
  if (page) return page + hash;
  const kind = context.fileKind(target);
  if (kind === 'folder') return undefined;
  if (!kind) throw new Error(`${context.source}: links to "${href}", which does not exist`);
  return context.publishFile(target) + hash;
}
