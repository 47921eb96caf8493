import { findKnownCookie } from './known-cookies.js';

/**
 * Cookie names out of a policy's name cell: "_ga", "_utma, _utmb, _utmc and _utmz",
 * "_ga_<container-id>", "nmstat cookie", "_gat (Google Analytics)".
 */

const VALID_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A placeholder in a documented name ("<container-id>", "{site_id}", "XXXXXXX") stands for any text. */
const PLACEHOLDERS = [/<[^>]*>/g, /\{[^}]*\}/g, /\[[^\]]*\]/g, /X{3,}/g, /x{3,}/g, /#{2,}/g, /\.{3}|…/g, /\*+/g];

/** A name with no spaces that reads as a technical identifier, not an English word. */
export const looksTechnical = (token: string) => /[_.\-\d*]/.test(token) || /[a-z][A-Z]|[A-Z]{2}[a-z]|^[A-Z]{2,}$/.test(token);

export interface NameReading {
  /** Valid catalogue names (globs where the policy used a placeholder). */
  names: string[];
  /** Names as the policy wrote them, one per entry of `names`. */
  written: string[];
  /** Pieces that could not be read as a cookie name. */
  unreadable: string[];
}

function cleanPiece(piece: string): string {
  return (
    piece
      .replace(/["“”‘’`]/g, '')
      // "nmstat cookie": the word, not part of a name such as cookie-agreed or cookies_policy.
      .replace(/(^|\s)cookies?(?=\s|$)/gi, ' ')
      .trim()
      .replace(/[.:;]+$/, '')
  );
}

function asName(piece: string): string | undefined {
  let name = piece;
  for (const placeholder of PLACEHOLDERS) name = name.replace(placeholder, '*');
  name = name.replace(/\*+/g, '*');
  return VALID_NAME.test(name) && name !== '*' ? name : undefined;
}

export function readCookieNames(cell: string): NameReading {
  // Brackets right after a name hold a placeholder: "voted_(number)" is voted_*.
  const bracketed = new Set<string>();
  const text = cell.replace(/(?<=[\w.-])\(([^()\s]+)\)/g, (_, inner: string) => {
    bracketed.add(inner);
    return `<${inner}>`;
  });
  // Remarks in brackets ("(Google Analytics)", "(and similar)") are not names; placeholders in <>, {} or [] are kept.
  const reading = readPieces(text.replace(/\s*\([^)]*\)/g, ' '));
  reading.written = reading.written.map((written) =>
    written.replace(/<([^<>\s]+)>/g, (placeholder, inner: string) => (bracketed.has(inner) ? `(${inner})` : placeholder)),
  );
  // "Generic Session Cookie (JSESSIONID)": a description, with the names in its brackets.
  const remarks = [...text.matchAll(/\(([^)]*)\)/g)].map((match) => match[1]).join(', ');
  const described = /\S\s+\S/.test(text.replace(/\s*\([^)]*\)/g, ' ').trim());
  if (remarks && described) {
    const inside = readPieces(remarks);
    if (inside.names.length && inside.names.every((name) => looksTechnical(name))) return inside;
  }
  return reading;
}

function readPieces(cell: string): NameReading {
  const reading: NameReading = { names: [], written: [], unreadable: [] };
  const pieces = cell
    .split(/[,;\n/]|\s+(?:and|or|&)\s+/i)
    .map(cleanPiece)
    .filter(Boolean);
  for (const piece of pieces) {
    const tokens = piece.split(/\s+/);
    // "nmstat" or "_ga_<container id>" is one name; "_ga _gid" (names on separate lines) is two;
    // "Google Analytics" is a service, not a name.
    const candidates =
      tokens.length === 1 || /[<{[]/.test(piece) ? [piece.replace(/\s+(?=[^<{[]*[>}\]])/g, '-')] : tokens.filter(looksTechnical);
    if (!candidates.length) {
      reading.unreadable.push(piece);
      continue;
    }
    for (const candidate of candidates) {
      const name = asName(candidate);
      if (name) {
        reading.names.push(name);
        reading.written.push(candidate);
      } else reading.unreadable.push(candidate);
    }
  }
  return reading;
}

/**
 * The names, when a line is nothing but cookie names ("_ga", "1P_JAR, NID and CONSENT",
 * "Recite.Persist and Recite_Session"): a heading or a line of its own that names the cookies
 * the text below it describes. Every word must be a technical name, so "ASP.NET session" is not.
 */
export function namesOnly(text: string): string[] | undefined {
  if (text.length > 120) return undefined;
  const words = text
    .trim()
    .split(/[\s,;/]+/)
    .filter((word) => word && !/^(and|or|&|cookies?)$/i.test(word));
  if (!words.length || words.length > 8 || !words.every((word) => looksTechnical(word) && VALID_NAME.test(word.replace(/[<>{}[\]]/g, ''))))
    return undefined;
  // One word at least must be plainly a cookie's: "CCTV", "ModernGov", "Site-wide" or a postcode ("TN1 1RS") is not.
  if (!words.some((word) => /[_.*<{]/.test(word) || findKnownCookie(word)?.ignoringCase === false)) return undefined;
  const { names } = readCookieNames(text);
  return names.length ? names : undefined;
}
