/**
 * The council a policy belongs to, when not given: its most mentioned gov.uk domain, and
 * the council name that domain stands for ("tmbc.gov.uk" → Tonbridge and Malling Borough
 * Council, by its initials). Policies also name partner councils, so frequency alone would
 * pick the wrong one.
 */

const COUNCIL_NAME =
  /\b(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)* (?:(?:and|upon|on|&) )?){1,4}(?:Metropolitan )?(?:Borough|District|County|City|Town|Parish|Community) Council\b/g;
const GOV_UK_DOMAIN = /(?<![\w-])(?:www\.)?((?:[a-z0-9-]+\.)+gov\.uk)\b/gi;

function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function guessDomain(text: string): string | undefined {
  const domains = [...text.matchAll(GOV_UK_DOMAIN)].map((m) => m[1].toLowerCase().replace(/^\.+/, ''));
  return mostFrequent(domains);
}

const squash = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');
const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter((word) => /^[A-Z]/.test(word))
    .map((word) => word[0].toLowerCase())
    .join('');

export function guessCouncilName(text: string, domain: string | undefined): string | undefined {
  const names = [...text.matchAll(COUNCIL_NAME)].map((m) => m[0]);
  if (!domain) return mostFrequent(names);
  // "example-district" → "exampledistrict"; "hillside-pc" also by its first part, "hillside".
  const label = domain.split('.')[0];
  const stems = [squash(label), ...(label.includes('-') && label.split('-')[0].length >= 4 ? [label.split('-')[0]] : [])];
  // Only a council the domain stands for: a partner council named more often is not the site's.
  return mostFrequent(names.filter((name) => stems.some((stem) => squash(name).startsWith(stem)) || initials(name) === squash(label)));
}
