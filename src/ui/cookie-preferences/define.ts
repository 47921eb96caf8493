/** `import 'council-cookie-consent/cookie-preferences'`: registers <cookie-preferences> on its own (Welsh wording included). */
import '../../wording/cy.js';
import { defineElement } from '../define-element.js';
import { CookiePreferences } from './cookie-preferences.js';

defineElement('cookie-preferences', CookiePreferences);

export { CookiePreferences };
