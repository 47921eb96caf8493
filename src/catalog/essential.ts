/** The category that is always on: the cookies a site needs to work, the consent cookie among them. */
export const ESSENTIAL = 'essential';
