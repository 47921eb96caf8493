/**
 * What a table's column holds, read from its header: policies say "Name", "Cookie" or
 * "Cookie name"; "Purpose", "Description" or "Function"; "Expires", "Expiry" or "Lasts for".
 */

export type ColumnRole = 'name' | 'purpose' | 'expires' | 'provider' | 'domain' | 'type' | 'category' | 'necessary';

const HEADER_PHRASES: [ColumnRole, string[]][] = [
  ['name', ['cookie name', 'name of cookie', 'name of the cookie', 'cookie names', 'cookie', 'cookies', 'name', 'names', 'cookie id']],
  [
    'purpose',
    [
      'purpose',
      'purposes',
      'purpose of cookie',
      'purpose of the cookie',
      'description',
      'function',
      'information',
      'details',
      'what it does',
      'what does it do',
      'what it is used for',
      'what is it used for',
      'what it s used for',
      'what its used for',
      'what the cookie does',
      'what this cookie does',
      'what they do',
      'what they are used for',
      'used for',
      'why we use it',
      'use',
      'usage',
    ],
  ],
  [
    'expires',
    [
      'expires',
      'expiry',
      'expiry date',
      'expiry time',
      'expiration',
      'expires after',
      'when it expires',
      'lasts for',
      'lasts',
      'how long it lasts',
      'how long',
      'duration',
      'retention',
      'retention period',
      'lifespan',
      'lifetime',
      'storage period',
      'max age',
    ],
  ],
  ['provider', ['provider', 'set by', 'service', 'third party', 'owner', 'source', 'vendor', 'supplier', 'company', 'software']],
  ['domain', ['domain', 'host', 'cookie domain']],
  ['type', ['type', 'cookie type', 'type of cookie', 'persistent or session', 'session or persistent']],
  ['category', ['category', 'cookie category', 'classification']],
  ['necessary', ['is this cookie strictly necessary', 'strictly necessary', 'is it strictly necessary', 'necessary', 'essential']],
];

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const ROLE_OF = new Map<string, ColumnRole>(HEADER_PHRASES.flatMap(([role, phrases]) => phrases.map((p) => [p, role] as const)));

/** The role a header cell names, if it is a header word at all: "Description/Purpose" and "Content and Description" too. */
export function columnRole(cell: string): ColumnRole | undefined {
  const role = ROLE_OF.get(normalise(cell));
  if (role || cell.length > 60) return role;
  for (const part of cell.split(/\/|&|\band\b|\bor\b/i)) {
    const partRole = ROLE_OF.get(normalise(part));
    if (partRole) return partRole;
  }
  return undefined;
}

/**
 * The roles of a header row, or `undefined` when the row is not a cookie table's header:
 * it must name the cookie and say what it does or how long it lasts.
 */
export function headerRoles(cells: string[]): (ColumnRole | undefined)[] | undefined {
  const roles = cells.map(columnRole);
  const named = roles.filter(Boolean).length;
  if (!roles.includes('name') || !(roles.includes('purpose') || roles.includes('expires'))) return undefined;
  // Most cells of a header are header words; a data row that happens to contain "Cookie" is not.
  return named * 2 >= cells.length ? roles : undefined;
}

/** Longest phrases first, so "cookie name" is read before "cookie". */
const PHRASES_LONGEST_FIRST = [...ROLE_OF.keys()].sort((a, b) => b.length - a.length);

/**
 * A plain-text header written with single spaces ("Name Purpose Expires", "Cookie
 * Description Lasts for"), split into its phrases; `undefined` if it is not wholly header words.
 */
export function splitHeaderLine(line: string): string[] | undefined {
  let rest = normalise(line);
  if (!rest) return undefined;
  const phrases: string[] = [];
  while (rest) {
    const phrase = PHRASES_LONGEST_FIRST.find((p) => rest === p || rest.startsWith(`${p} `));
    if (!phrase) return undefined;
    phrases.push(phrase);
    rest = rest.slice(phrase.length).trim();
  }
  return headerRoles(phrases) ? phrases : undefined;
}
