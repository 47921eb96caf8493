import { createRequire } from 'node:module';

/** This package's version, from its own package.json (found by name, from src/ or dist/ alike). */
export const packageVersion = (): string =>
  (createRequire(import.meta.url)('council-cookie-consent/package.json') as { version: string }).version;
