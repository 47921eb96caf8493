import { parse as parseWithLocations } from '@humanwhocodes/momoa';
import indexToPosition from 'index-to-position';

/**
 * Where in `text` JSON.parse gave up. V8 names a position for most errors; at the end of the
 * text it names none, and for an unexpected token (Node 20) neither, so a parser that tracks
 * locations finds it.
 */
function errorIndex(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const end = text.trimEnd().length;
  if (message.includes('end of JSON input')) return end;
  try {
    parseWithLocations(text);
  } catch (error) {
    const offset = (error as { offset?: unknown }).offset;
    if (typeof offset === 'number') return offset;
  }
  return end;
}

/**
 * JSON.parse's complaint about `text`, with the line and column a person can go to:
 * `Unexpected token ']' at line 12, column 5`.
 */
export function describeJsonSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const { line, column } = indexToPosition(text, Math.min(errorIndex(text, message), text.length), { oneBased: true });
  // V8 appends where it stopped (and, for an unexpected token, an excerpt of the text): the line and column replace both.
  const reason = message
    .replace(/, [\s\S]*is not valid JSON$/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ at position \d+.*$/, '');
  return `${reason} at line ${line}, column ${column}`;
}
