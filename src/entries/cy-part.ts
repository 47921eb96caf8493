/** The script-tag build's Welsh part (`council-cookie-consent.cy.js`), fetched only for a page in Welsh. */
import '../wording/cy.js';
