/**
 * The categories a draft catalogue can have, in the order residents see them, and how a
 * policy's own headings ("Analytics cookies (optional)", "Strictly necessary") map to them.
 */

export const CATEGORY_IDS = ['essential', 'analytics', 'functional', 'video', 'marketing', 'review'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

interface CategoryTemplate {
  title: string;
  description: string;
}

/** Wording used when the policy has no heading of its own for a category. */
export const CATEGORY_TEMPLATES: Record<CategoryId, CategoryTemplate> = {
  essential: {
    title: 'Essential cookies',
    description: 'These cookies make the website work and keep it secure. They are always on.',
  },
  analytics: {
    title: 'Analytics cookies (optional)',
    description: 'These cookies tell us how people use the website, so we can improve it.',
  },
  functional: {
    title: 'Functional cookies (optional)',
    description: 'These cookies remember your settings and choices.',
  },
  video: {
    title: 'Video and embedded content cookies (optional)',
    description: 'These cookies are set by video players and other content from other websites that we show on our pages.',
  },
  marketing: {
    title: 'Marketing cookies (optional)',
    description: 'These cookies are set by advertising and social media services.',
  },
  // Optional, so nothing in it runs before a resident agrees, even before anyone sorts it.
  review: {
    title: 'Cookies to review (optional)',
    description:
      'The import could not tell what these cookies are for. Move each one to the right category, then delete this category before publishing.',
  },
};

const HEADING_WORDS: [RegExp, CategoryId][] = [
  [/\b(essential|strictly necessary|necessary|required|session cookies)\b/i, 'essential'],
  [
    /\b(analytics?|analytical|statistics|statistical|performance|measure|measures|measurement|measuring|site improvement|usage)\b/i,
    'analytics',
  ],
  [/\b(videos?|youtube|vimeo|embedded|embeds?)\b/i, 'video'],
  [/\b(marketing|advertising|advertisement|targeting|targetting|social media|tracking)\b/i, 'marketing'],
  [/\b(functional|functionality|preferences?|personalisation|personalization)\b/i, 'functional'],
];

/**
 * The category a heading or a "Type"/"Category" cell names, if it names one. "Third
 * party cookies" or "Cookies we use" name none.
 */
export function categoryFromWords(words: string): CategoryId | undefined {
  return HEADING_WORDS.find(([pattern]) => pattern.test(words))?.[1];
}
