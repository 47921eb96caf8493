import type { Catalog } from '../../catalog/definition.js';
import { durationInWords, durationSeconds } from '../../catalog/duration.js';
import { en } from '../../wording/en.js';
import { findKnownCookie, type KnownCookie } from '../import/known-cookies.js';
import { findDeclaration } from './declarations.js';
import { lifetimeInWords } from './lifetime-words.js';
import { type ObservedCookie, PHASE_TITLES, type PhaseName, type PhaseRecord } from './observed.js';

export type FindingKind = 'set-before-consent' | 'undeclared' | 'not-cleared-after-reject' | 'lifetime-exceeds-declared';

export interface Finding {
  kind: FindingKind;
  cookie: string;
  domain: string;
  path: string;
  /** The category the catalogue puts it in, when it declares it. */
  category?: string;
  /** The phases in which the cookie was seen. */
  phases: PhaseName[];
  /** Why it matters or why it stayed, in words. */
  reason: string;
  declaredExpires?: string;
  declaredSeconds?: number | null;
  lifetimeSeconds?: number | null;
}

export type Phases = Partial<Record<PhaseName, PhaseRecord>>;

/** How much longer than declared a cookie may live: 10 % or 60 s, whichever is more (clocks and calendars differ a little). */
export const lifetimeTolerance = (declaredSeconds: number) => Math.max(declaredSeconds * 0.1, 60);

const PHASE_ORDER: PhaseName[] = ['noChoice', 'accepted', 'rejected'];
const KIND_ORDER: FindingKind[] = ['set-before-consent', 'undeclared', 'not-cleared-after-reject', 'lifetime-exceeds-declared'];
const identity = (cookie: Pick<ObservedCookie, 'name' | 'domain' | 'path'>) => `${cookie.name}\u0000${cookie.domain}\u0000${cookie.path}`;

/** A cookie the catalogue does not declare whose name is a well-known optional one (`_ga`), or undefined. */
function knownOptional(name: string): KnownCookie | undefined {
  const match = findKnownCookie(name);
  return match && !match.ignoringCase && match.known.category !== 'essential' ? match.known : undefined;
}

/** Why the page could not delete a cookie it should have, or what is wrong instead. */
function notClearedReason(cookie: ObservedCookie, categoryId: string | undefined): string {
  if (cookie.party === 'third')
    return `set on ${cookie.domain.replace(/^\./, '')}, another site's domain, which this page cannot delete; residents must clear it in their browser (say so in the cookie policy)`;
  if (cookie.httpOnly)
    return 'HttpOnly, so no script on the page can delete it; the server that sets it must stop setting it, or expire it, once a resident rejects';
  if (cookie.path !== '/')
    return `set on path ${cookie.path}, which pages outside it cannot see: declare "path": "${cookie.path}" for it in the catalogue, so every page deletes it there`;
  if (!categoryId) return 'not in the catalogue, so the library does not know to delete it; it appeared only after accepting';
  return `declared as ${categoryId} but still there after rejecting: something sets it again, or deleting it failed`;
}

/**
 * What the phases show against the catalogue: optional cookies set with no choice made,
 * cookies the catalogue does not declare, optional cookies still there after rejecting,
 * and cookies that live longer than declared.
 */
export function auditFindings(catalog: Catalog, phases: Phases): Finding[] {
  const findings = new Map<string, Finding>();
  const seen = new Map<string, { cookie: ObservedCookie; phases: PhaseName[] }>();
  // A cookie set and deleted again within a phase was still set: it counts as seen, but its
  // lifetime is the script's request, not what the browser kept, so it is not held against the declaration.
  const setAtSomePoint = (record: PhaseRecord | undefined) => [
    ...(record?.cookies ?? []),
    ...(record?.setThenRemoved ?? []).map((cookie) => ({ ...cookie, lifetimeSeconds: null })),
  ];
  for (const phase of PHASE_ORDER)
    for (const cookie of setAtSomePoint(phases[phase])) {
      const entry = seen.get(identity(cookie)) ?? { cookie, phases: [] };
      entry.phases.push(phase);
      // The longest lifetime seen is the one to hold against the declaration.
      if ((cookie.lifetimeSeconds ?? -1) > (entry.cookie.lifetimeSeconds ?? -1)) entry.cookie = cookie;
      seen.set(identity(cookie), entry);
    }
  const add = (kind: FindingKind, cookie: ObservedCookie, inPhases: PhaseName[], reason: string, extra: Partial<Finding> = {}) =>
    findings.set(`${kind}\u0000${identity(cookie)}`, {
      kind,
      cookie: cookie.name,
      domain: cookie.domain,
      path: cookie.path,
      ...extra,
      phases: inPhases,
      reason,
    });
  const noChoiceNames = new Set(setAtSomePoint(phases.noChoice).map(identity));

  for (const { cookie, phases: inPhases } of seen.values()) {
    const declared = findDeclaration(catalog, cookie.name, cookie.domain);
    const category = declared ? { category: declared.categoryId } : {};
    if (!declared)
      add(
        'undeclared',
        cookie,
        inPhases,
        `the catalogue declares no cookie of this name (seen ${inPhases.map((p) => PHASE_TITLES[p]).join(', ')})`,
      );
    // An undeclared cookie with a well-known optional name (_ga) needs consent all the same.
    const known = declared ? undefined : knownOptional(cookie.name);
    if ((declared?.needsConsent || known) && inPhases.includes('noChoice'))
      add(
        'set-before-consent',
        cookie,
        ['noChoice'],
        declared
          ? `set with no choice made, but ${declared.categoryId} cookies need consent first`
          : `set with no choice made; the catalogue does not declare it, but it is a known ${known!.provider} cookie (${known!.category}), which needs consent first`,
        category,
      );
    const rejected = phases.rejected?.cookies.find((c) => identity(c) === identity(cookie));
    if (rejected && (declared ? declared.optional : !noChoiceNames.has(identity(cookie))))
      add('not-cleared-after-reject', rejected, ['rejected'], notClearedReason(rejected, declared?.categoryId), category);
    // A draft may leave a lifetime for review: there is then nothing to measure against.
    if (declared?.declaration.expires && cookie.lifetimeSeconds !== null) {
      const declaredSeconds = durationSeconds(declared.declaration.expires);
      const limit = (declaredSeconds ?? 0) + lifetimeTolerance(declaredSeconds ?? 0);
      if (cookie.lifetimeSeconds > limit)
        add(
          'lifetime-exceeds-declared',
          cookie,
          inPhases,
          `lives ${lifetimeInWords(cookie.lifetimeSeconds)}, declared ${
            declaredSeconds === null ? 'a session cookie' : durationInWords(declared.declaration.expires, en.durationUnits, '')
          }`,
          { ...category, declaredExpires: declared.declaration.expires, declaredSeconds, lifetimeSeconds: cookie.lifetimeSeconds },
        );
    }
  }
  return [...findings.values()].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.cookie.localeCompare(b.cookie) || a.domain.localeCompare(b.domain),
  );
}
