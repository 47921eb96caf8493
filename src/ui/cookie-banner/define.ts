/** `import 'council-cookie-consent/cookie-banner'`: registers <cookie-banner> on its own (Welsh wording included). */
import '../../wording/cy.js';
import { defineElement } from '../define-element.js';
import { CookieBanner } from './cookie-banner.js';

defineElement('cookie-banner', CookieBanner);

export { CookieBanner };
