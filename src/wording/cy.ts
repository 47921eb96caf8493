import type { Messages } from '../catalog/wording-keys.js';
import { addBuiltInWording } from './wording.js';

/** Y geiriad Cymraeg sydd wedi'i gynnwys (the built-in Welsh wording). */
export const cy: Messages = {
  bannerTitle: 'Cwcis ar {site}',
  bannerEssential: 'Rydym yn defnyddio rhai cwcis hanfodol i wneud i’r wefan hon weithio.',
  bannerAsk: 'Hoffem hefyd ddefnyddio {noun} i ddeall sut rydych yn defnyddio’r wefan hon, er mwyn i ni allu ei gwella.',
  bannerExemption:
    'Rydym yn defnyddio {category} i gyfrif ymweliadau er mwyn gwella’r wefan. Nid ydynt yn eich adnabod. Gallwch eu diffodd.',
  bannerGpc: 'Mae eich porwr yn anfon signal Global Privacy Control, felly nid ydym wedi gosod cwcis dewisol. Gallwch eu derbyn o hyd.',
  nounAnalytics: 'cwcis dadansoddi',
  nounAdditional: 'cwcis ychwanegol',
  accept: 'Derbyn {noun}',
  reject: 'Gwrthod {noun}',
  keep: 'Cadw {noun} ymlaen',
  turnOff: 'Diffodd {noun}',
  choose: 'Dewis pa gwcis i’w defnyddio',
  policyLink: 'Darllen ein polisi cwcis',
  accepted: 'Rydych wedi derbyn {noun}.',
  rejected: 'Rydych wedi gwrthod {noun}.',
  saved: 'Rydych wedi cadw eich gosodiadau cwcis.',
  changeBefore: 'Gallwch',
  changeLink: 'newid eich gosodiadau cwcis',
  changeAfter: 'ar unrhyw adeg.',
  hide: 'Cuddio’r neges cwcis',
  dialogTitle: 'Gosodiadau cwcis',
  dialogIntro:
    'Dewiswch pa gwcis dewisol y gallwn eu defnyddio. Mae cwcis hanfodol ymlaen bob amser oherwydd bod eu hangen ar y wefan i weithio.',
  alwaysOn: 'Ymlaen bob amser',
  on: 'Ymlaen',
  off: 'I ffwrdd',
  save: 'Cadw gosodiadau cwcis',
  close: 'Cau',
  consentIdLabel: 'Eich ID caniatâd',
  consentIdHelp: 'Dyfynnwch hwn os byddwch yn gofyn i’r cyngor am y dewisiadau a wnaethoch yma.',
  copy: 'Copïo',
  copied: 'Wedi’i gopïo',
  tableName: 'Enw',
  tablePurpose: 'Diben',
  tableExpires: 'Yn dod i ben',
  tableEmpty: 'Nid ydym yn gosod unrhyw gwcis yn y categori hwn.',
  expiresSession: 'Pan fyddwch yn cau eich porwr',
  // Welsh takes the singular noun after a numeral; "blwyddyn" mutates after 1 and 2.
  durationUnits:
    'flwyddyn|flynedd|blynedd mis|mis|mis wythnos|wythnos|wythnos diwrnod|diwrnod|diwrnod awr|awr|awr munud|munud|munud eiliad|eiliad|eiliad',
  placeholderText: 'Mae’r cynnwys hwn gan {provider} wedi’i guddio oherwydd byddai’n gosod cwcis nad ydych wedi’u derbyn.',
  placeholderTextNoProvider: 'Mae’r cynnwys hwn wedi’i guddio oherwydd byddai’n gosod cwcis nad ydych wedi’u derbyn.',
  placeholderAccept: 'Derbyn {category} a dangos',
  placeholderLink: 'Agor y cynnwys hwn mewn tudalen newydd',
};

addBuiltInWording('cy', cy);
