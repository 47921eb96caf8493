/** The script-tag build's banner part (`council-cookie-consent.banner.js`): Lit, the wording, `<cookie-banner>`. */
export { bannerPart } from '../ui/banner-part.js';
