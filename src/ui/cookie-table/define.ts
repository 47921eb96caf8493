/** `import 'council-cookie-consent/cookie-table'`: registers <cookie-table> on its own (Welsh wording included). */
import '../../wording/cy.js';
import { defineElement } from '../define-element.js';
import { CookieTable } from './cookie-table.js';

defineElement('cookie-table', CookieTable);

export { CookieTable };
