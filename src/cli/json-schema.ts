import { catalogShape } from '../catalog/definition.js';
import { type Shape, TEXT_MAX } from '../catalog/shape.js';
import { CATALOG_SCHEMA_URL } from './schema-url.js';

type JsonSchema = Record<string, unknown>;

/**
 * Descriptions editors show on hover (and the catalogue editor shows as each field's help), by
 * property path (lists stepped into: `categories.cookies.name`), else by property name.
 */
const DESCRIPTIONS: Record<string, string> = {
  site: 'The website this catalogue is for.',
  name: 'A name: the site’s, or the cookie’s (exact, or a glob with * such as "_ga_*").',
  'site.name': 'The council’s or website’s name, as the banner says it: "Cookies on {name}".',
  'consentCookie.name': 'The name of the cookie that keeps the choice (an exact name, not a glob).',
  'categories.cookies.name': 'The cookie’s name: exact, or a glob with * for a family of names, such as "_ga_*".',
  'migrate.cookieControl.name': 'The name of Cookie Control’s own cookie (usually CookieControl).',
  domain: 'A domain such as ".example.gov.uk".',
  'site.domain': 'The council’s own registrable domain, such as "example.gov.uk": refused cookies are deleted up to it.',
  'consentCookie.domain':
    'Leave it out to keep the choice for this host only, or give a parent domain such as ".example.gov.uk" to share one choice across its subdomains.',
  'categories.cookies.domain': 'The domain the cookie is set on, when it is not this website’s own (e.g. ".google.com").',
  path: 'The path the cookie is set on, when it is not "/".',
  policyUrl: 'The cookie policy page (http(s) or relative URL).',
  revision: 'Raise it and every resident is asked again.',
  consentCookie: 'The one essential cookie that keeps the resident’s choice.',
  expiresDays: 'How many days the choice is kept (at most 400: browsers keep no cookie longer).',
  categories:
    'Cookie categories, in the order residents see them. "essential" (required) is always on; every other is optional and off until consented.',
  id: 'The category id ("essential" is reserved for cookies that are always on).',
  title: 'The category’s title, also the table caption.',
  description: 'What the category’s cookies are for.',
  cookies: 'The cookies in this category.',
  label: 'What the table shows instead of the name (e.g. "__utma, __utmb, __utmc, __utmz").',
  purpose: 'What the cookie is for, in words a resident understands.',
  expires: 'How long it lasts: an ISO-8601 duration (P2Y, PT24H, PT1M, P1000D) or "session".',
  expiresText: 'Shown instead of the rendered duration (e.g. "1000 days after last visit").',
  provider: 'Who sets it (e.g. "Google Analytics").',
  type: 'persistent or session.',
  basis:
    '"consent" (default), or "statistics-exemption": on until the resident turns it off (PECR reg. 6 as amended by the Data (Use and Access) Act 2025).',
  googleConsentMode: 'Google Consent Mode v2 types this category grants.',
  text: 'Overrides of the built-in interface wording, per language.',
  privacySignals: 'How browser privacy signals are honoured.',
  gpc: 'Honour Global Privacy Control (default true).',
  consentLog: 'Where each choice is sent as proof of consent.',
  url: 'An absolute http(s) URL.',
  review:
    'A draft’s open questions, by JSON path (written by `import`): a cookie may leave out purpose or expires only while its path is listed here. Answer each, then delete this key.',
  migrate: 'Take over residents’ choices from another consent tool.',
  cookieControl: 'CivicUK Cookie Control: its cookie name and category names mapped to ours.',
};

/** JSON Schema (draft 2020-12) for a shape at `path`, with `additionalProperties: false` on every object. */
export function shapeToJsonSchema(shape: Shape, path = ''): JsonSchema {
  switch (shape.kind) {
    case 'text':
      return { type: 'string', ...(shape.pattern ? { pattern: shape.pattern } : {}), maxLength: TEXT_MAX };
    case 'whole':
      return { type: 'integer', minimum: shape.min, ...(shape.max ? { maximum: shape.max } : {}) };
    case 'yesno':
      return { type: 'boolean' };
    case 'oneof':
      return { enum: [...shape.values] };
    case 'list':
      return { type: 'array', items: shapeToJsonSchema(shape.of, path), ...(shape.min ? { minItems: shape.min } : {}) };
    case 'map':
      return {
        type: 'object',
        propertyNames: { pattern: shape.keys },
        additionalProperties: shapeToJsonSchema(shape.of, path),
      };
    case 'either':
      return { anyOf: [shapeToJsonSchema(shape.first, path), shapeToJsonSchema(shape.second, path)] };
    case 'record': {
      const properties: Record<string, JsonSchema> = {};
      for (const [key, inner] of Object.entries({ ...shape.required, ...shape.optional })) {
        const at = path ? `${path}.${key}` : key;
        const description = DESCRIPTIONS[at] ?? DESCRIPTIONS[key];
        properties[key] = { ...(description ? { description } : {}), ...shapeToJsonSchema(inner, at) };
      }
      const required = Object.keys(shape.required);
      return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
    }
  }
}

export const catalogJsonSchema = (): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: CATALOG_SCHEMA_URL,
  title: 'council-cookie-consent cookie catalogue',
  description: 'Generated from src/catalog/definition.ts by `npm run schema`: do not edit by hand.',
  ...shapeToJsonSchema(catalogShape),
});
