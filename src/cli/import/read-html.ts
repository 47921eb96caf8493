import { type Token, Tokenizer, TokenizerMode } from 'parse5';
import { namesOnly } from './cookie-names.js';
import type { PolicyDocument, PolicyItem } from './policy-document.js';
import { isLifetimeLine, keyValueLine } from './read-blocks.js';
import { readTextLines } from './read-text.js';

/**
 * A policy page's HTML read into headings, text lines and tables, in one pass over parse5's
 * tokenizer. No tree is built: a tree builder's work grows with the nesting depth at every
 * element (parse5's takes 23 s on 40,000 nested <div>s), and walking a tree recursively
 * overflows the stack on deep pages. Here each tag costs the same at any depth, so the
 * reading is linear in the size of the page.
 *
 * Text between headings and tables goes through the plain-text reader, so pipe tables and
 * "Cookie name:" blocks in paragraphs are read as they are in a text file.
 */

/** Elements whose text is not part of the policy a resident reads. */
const SKIPPED = new Set(['style', 'noscript', 'template', 'svg', 'math', 'nav', 'button', 'select', 'iframe', 'object', 'textarea']);
/** Elements whose content the tokenizer must read as raw text, as a browser does. */
const RAW_TEXT: Record<string, number> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};
/** Elements that start a new line of text. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'aside',
  'header',
  'footer',
  'li',
  'ul',
  'ol',
  'blockquote',
  'address',
  'figure',
  'figcaption',
  'details',
  'summary',
  'form',
  'fieldset',
  'legend',
  'hr',
  'body',
  'html',
  'dl',
  'dd',
  'dt',
  'tr',
  'td',
  'th',
  'table',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const HEADING = /^h[1-6]$/;
/** How far down the open elements an end tag looks for its start tag; mis-nested tags further down are ignored. */
const END_TAG_REACH = 32;

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

interface TableSink {
  kind: 'table';
  tag: 'table';
  rows: string[][];
  row?: string[];
  caption?: string;
  /** A table that holds headings or other tables lays out the page: its cells read as text. */
  layout: boolean;
  target?: Sink;
  at?: number;
}
type Sink = (
  | { kind: 'flow'; tag: '' }
  | { kind: 'skip'; tag: string }
  | { kind: 'text'; tag: string; role: 'heading' | 'title' | 'script' | 'pre' | 'caption' | 'term' | 'detail'; parts: string[] }
  | { kind: 'cell'; tag: string; table: TableSink; parts: string[]; layout?: boolean }
  | { kind: 'list'; tag: 'dl'; term: string; named?: boolean }
  | TableSink
) & {
  /** Where text goes while this element is the innermost open one. */
  target?: Sink;
  /** Its place in the open elements. */
  at?: number;
};

/** Layout tables, their cells and definition lists pass their text to what holds them. */
const passesText = (sink: Sink) => (sink.kind === 'table' || sink.kind === 'cell' ? !!sink.layout : sink.kind === 'list');

export function readHtml(html: string): PolicyDocument {
  const items: PolicyItem[] = [];
  const scripts: string[] = [];
  let title: string | undefined;
  let lines: string[] = [];
  let inline: string[] = [];
  const flow: Sink = { kind: 'flow', tag: '' };
  flow.target = flow;
  const open: Sink[] = [flow];
  const top = () => open[open.length - 1];
  const textTarget = () => top().target!;
  const push = (sink: Sink) => {
    sink.target = passesText(sink) ? textTarget() : sink;
    sink.at = open.length;
    open.push(sink);
  };

  const endLine = () => {
    const line = collapse(inline.join(''));
    if (line) lines.push(line);
    inline = [];
  };
  const flush = () => {
    endLine();
    for (const item of readTextLines(lines)) items.push(item);
    lines = [];
  };
  const addTextTo = (sink: Sink, text: string) => {
    if (sink.kind === 'flow') inline.push(text);
    else if (sink.kind === 'text' || sink.kind === 'cell') sink.parts.push(text);
  };
  const addText = (text: string) => addTextTo(textTarget(), text);
  /** A block boundary: a new line in the flow, a space inside a cell or a heading. */
  const boundary = () => {
    const sink = textTarget();
    if (sink.kind === 'flow') endLine();
    else if (sink.kind === 'text' || sink.kind === 'cell') sink.parts.push(sink.kind === 'text' && sink.role === 'pre' ? '\n' : ' ');
  };

  const finishRow = (table: TableSink) => {
    if (table.row?.some(Boolean)) table.rows.push(table.row);
    table.row = undefined;
  };
  /** Closes one open element, emitting what it collected. */
  const close = (sink: Sink) => {
    switch (sink.kind) {
      case 'cell':
        if (sink.layout) boundary();
        else {
          sink.table.row ??= [];
          sink.table.row.push(collapse(sink.parts.join('')));
        }
        break;
      case 'table':
        if (sink.layout) boundary();
        else {
          finishRow(sink);
          flush();
          items.push({ kind: 'table', rows: sink.rows, ...(sink.caption ? { caption: sink.caption } : {}) });
        }
        break;
      case 'list':
        boundary();
        break;
      case 'text': {
        const text = sink.parts.join('');
        const holder = top();
        if (sink.role === 'heading') {
          const heading = collapse(text);
          if (heading) items.push({ kind: 'heading', text: heading });
        } else if (sink.role === 'title') title ??= collapse(text) || undefined;
        else if (sink.role === 'script') scripts.push(text);
        else if (sink.role === 'pre') {
          endLine();
          for (const line of text.split(/\r?\n/)) lines.push(line);
        } else if (sink.role === 'caption') {
          if (holder.kind === 'table') holder.caption = collapse(text);
        } else if (sink.role === 'term') {
          if (holder.kind === 'list') {
            holder.term = collapse(text).replace(/:$/, '');
            // A term that is a cookie's name ("_ga") heads its description, like a heading would.
            holder.named = !!namesOnly(holder.term);
            if (holder.named) lines.push(`Cookie name: ${holder.term}`);
          }
        } else {
          const value = collapse(text);
          if (holder.kind === 'list' && value) {
            if (!holder.named) lines.push(holder.term ? `${holder.term}: ${value}` : value);
            // Each definition of a named term is its purpose or its lifetime, unless it says which.
            else lines.push(keyValueLine(value) ? value : isLifetimeLine(value) ? `Expires: ${value}` : `Purpose: ${value}`);
          }
        }
        break;
      }
    }
  };
  const pop = () => close(open.pop()!);
  /** Closes open elements down to and including the nearest `tag`, if it is near enough. */
  const closeTo = (tag: string, stopAt?: (sink: Sink) => boolean): boolean => {
    for (let i = open.length - 1; i > 0 && i >= open.length - END_TAG_REACH; i--) {
      if (open[i].tag === tag) {
        while (open.length > i) pop();
        return true;
      }
      if (stopAt?.(open[i])) return false;
    }
    return false;
  };
  /** The table whose cell or row a td/tr would go in, if the innermost open element is in one. */
  const currentTable = (): TableSink | undefined => {
    const sink = top();
    if (sink.kind === 'table') return sink;
    if (sink.kind === 'cell') return sink.table;
    return undefined;
  };
  /**
   * A heading, list or table inside a cell: that cell's table lays out the page. What it
   * collected so far becomes text, and from now on its cells pass their text on.
   */
  const makeLayout = () => {
    for (let target = textTarget(); target.kind === 'cell'; target = textTarget()) {
      const tableAt = target.table.at!;
      const table = target.table;
      table.layout = true;
      target.layout = true;
      for (let i = tableAt; i < open.length; i++) open[i].target = passesText(open[i]) ? open[i - 1].target : open[i];
      const receiver = textTarget();
      for (const row of [...table.rows, table.row ?? []]) for (const cell of row) if (cell) addTextTo(receiver, ` ${cell} `);
      addTextTo(receiver, ` ${target.parts.join('')} `);
      table.rows = [];
      table.row = undefined;
      target.parts = [];
    }
  };

  const onStartTag = (token: Token.TagToken) => {
    const tag = token.tagName;
    let sink = top();
    // A term or definition ends where the next one starts, with or without its end tag; a table
    // or heading inside one (or inside a caption) ends it too, and is read as a table or heading.
    const structural = tag === 'dt' || tag === 'dd' || tag === 'table' || tag === 'pre' || tag === 'dl' || HEADING.test(tag);
    while (structural && sink.kind === 'text' && (sink.role === 'term' || sink.role === 'detail' || sink.role === 'caption')) {
      pop();
      sink = top();
      if (tag === 'dt' || tag === 'dd') break;
    }
    if (sink.kind === 'skip' || (sink.kind === 'text' && sink.role !== 'pre' && sink.role !== 'heading')) {
      if (sink.kind === 'skip' && sink.tag === tag && !token.selfClosing) push({ kind: 'skip', tag });
      else if (tag === 'br' || BLOCKS.has(tag)) boundary();
      return;
    }
    if (RAW_TEXT[tag] !== undefined && !token.selfClosing) tokenizer.state = RAW_TEXT[tag] as typeof tokenizer.state;
    if (tag === 'script') {
      if (!token.selfClosing) push({ kind: 'text', tag, role: 'script', parts: [] });
      return;
    }
    if (tag === 'title') {
      push({ kind: 'text', tag, role: 'title', parts: [] });
      return;
    }
    if (SKIPPED.has(tag)) {
      if (!token.selfClosing) push({ kind: 'skip', tag });
      return;
    }
    if (tag === 'br') {
      if (textTarget().kind === 'text') addText(sink.kind === 'text' && sink.role === 'pre' ? '\n' : ' ');
      else boundary();
      return;
    }
    if (sink.kind === 'text') {
      // Inside a heading or a <pre>: markup is only a word boundary.
      if (BLOCKS.has(tag)) boundary();
      return;
    }
    if (HEADING.test(tag) || tag === 'table' || tag === 'pre' || tag === 'dl') makeLayout();
    const target = textTarget();
    if (HEADING.test(tag)) {
      if (target.kind === 'flow') {
        flush();
        push({ kind: 'text', tag, role: 'heading', parts: [] });
      } else boundary();
      return;
    }
    switch (tag) {
      case 'table':
        if (target.kind === 'flow') flush();
        else boundary();
        push({ kind: 'table', tag, rows: [], layout: false });
        return;
      case 'caption':
        if (sink.kind === 'table' && !sink.layout) push({ kind: 'text', tag, role: 'caption', parts: [] });
        else boundary();
        return;
      case 'tr': {
        const table = currentTable();
        if (table && !table.layout) {
          if (sink.kind === 'cell') pop();
          finishRow(table);
          table.row = [];
        } else boundary();
        return;
      }
      case 'td':
      case 'th': {
        const table = currentTable();
        if (table && !table.layout) {
          if (sink.kind === 'cell') pop();
          push({ kind: 'cell', tag, table, parts: [] });
        } else boundary();
        return;
      }
      case 'pre':
        endLine();
        if (target.kind === 'flow') push({ kind: 'text', tag, role: 'pre', parts: [] });
        return;
      case 'dl':
        boundary();
        if (target.kind === 'flow') push({ kind: 'list', tag, term: '' });
        return;
      case 'dt':
      case 'dd':
        if (sink.kind === 'list') push({ kind: 'text', tag, role: tag === 'dt' ? 'term' : 'detail', parts: [] });
        else boundary();
        return;
    }
    if (BLOCKS.has(tag)) boundary();
  };

  const onEndTag = (token: Token.TagToken) => {
    const tag = token.tagName;
    const sink = top();
    if (sink.kind === 'skip') {
      if (sink.tag === tag) open.pop();
      return;
    }
    if (sink.kind === 'text' && (sink.role === 'script' || sink.role === 'title')) {
      if (sink.tag === tag) pop();
      return;
    }
    if (VOID.has(tag)) {
      if (tag === 'br') boundary();
      return;
    }
    switch (tag) {
      case 'td':
      case 'th':
        if (sink.kind === 'cell') pop();
        else boundary();
        return;
      case 'tr': {
        const table = currentTable();
        if (table && !table.layout) {
          if (sink.kind === 'cell') pop();
          finishRow(table);
        } else boundary();
        return;
      }
      case 'dt':
      case 'dd':
        if (sink.kind === 'text' && (sink.role === 'term' || sink.role === 'detail')) pop();
        else boundary();
        return;
    }
    if (HEADING.test(tag) && sink.kind === 'text' && sink.role === 'heading') {
      pop();
      return;
    }
    const isOpen = tag === 'table' || tag === 'dl' || tag === 'caption' || tag === 'pre' || HEADING.test(tag);
    // A table's end closes its cells and rows too; a heading's end does not reach outside its table.
    if (isOpen && closeTo(tag, (open) => tag !== 'table' && open.kind === 'table')) return;
    if (BLOCKS.has(tag)) boundary();
  };

  const tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: false },
    {
      onStartTag,
      onEndTag,
      onCharacter: (token) => addText(token.chars),
      onWhitespaceCharacter: (token) => addText(token.chars),
      onNullCharacter: () => {},
      onComment: () => {},
      onDoctype: () => {},
      onEof: () => {},
    },
  );
  tokenizer.write(html, true);
  while (open.length > 1) pop();
  flush();
  return { items, ...(title ? { title } : {}), ...(scripts.length ? { scripts } : {}) };
}
