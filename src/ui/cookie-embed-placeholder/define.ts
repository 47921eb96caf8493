/** `import 'council-cookie-consent/cookie-embed-placeholder'`: registers <cookie-embed-placeholder> on its own (Welsh wording included). */
import '../../wording/cy.js';
import { defineElement } from '../define-element.js';
import { CookieEmbedPlaceholder } from './cookie-embed-placeholder.js';

defineElement('cookie-embed-placeholder', CookieEmbedPlaceholder);

export { CookieEmbedPlaceholder };
