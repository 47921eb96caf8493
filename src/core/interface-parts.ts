import type { BannerPart } from '../ui/banner-part.js';
import type { DetailsPart } from '../ui/details-part.js';

/**
 * The interface, in two parts fetched only when a page needs them: the banner (a resident who
 * has not chosen), and the details (the preferences dialog, the cookie tables, the embed
 * placeholders). Wording for a language the interface does not carry (Welsh) comes with them.
 */
export interface InterfaceParts {
  banner: BannerPart;
  details?: DetailsPart;
}
export type InterfaceNeed = keyof InterfaceParts;

/** How a build brings in the interface: script tags beside the core, `import()`, or nothing to fetch. */
export type LoadInterface = (need: InterfaceNeed, lang: string) => Promise<InterfaceParts>;
