/** The script-tag build's details part (`council-cookie-consent.details.js`): the dialog, the tables, the placeholders. */
export { detailsPart } from '../ui/details-part.js';
