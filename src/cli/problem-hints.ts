import { NOT_IN_FORM, type Problem } from '../catalog/check-shape.js';

/**
 * What the text at a key should look like, for people: the browser only says a value is not
 * in the expected form (its bundle stays small); the command line says which form.
 */
const FORMS: Record<string, string> = {
  name: 'a non-empty name; for a cookie, its name or a glob such as "_ga_*"',
  expires: 'an ISO-8601 duration such as "P2Y", "PT24H" or "P1000D", or "session"',
  domain: 'a domain such as ".example.gov.uk"',
  id: 'an id of lower-case letters, digits, "-" or "_", such as "analytics"',
  policyUrl: 'an http(s) or relative URL',
  url: 'an absolute http(s) URL',
  categories: 'one of this catalogue’s category ids',
};

/** The key a path ends in: `categories[1].cookies[0].expires` → `expires`. */
const lastKey = (path: string) =>
  path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .pop() ?? '';

/** A problem with the expected form spelled out, where we know it. */
export function explainProblem(problem: Problem): Problem {
  const form = problem.message.endsWith(NOT_IN_FORM)
    ? (FORMS[lastKey(problem.path)] ?? FORMS[lastKey(problem.path.replace(/\.[^.]+$/, ''))])
    : undefined;
  return form ? { ...problem, message: problem.message.replace(NOT_IN_FORM, `is not ${form}`) } : problem;
}
