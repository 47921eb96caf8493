/**
 * The built-in English wording. Its keys are the wording a catalogue may override in
 * `text.<lang>`; `{site}`, `{noun}`, `{category}` and `{provider}` are filled in.
 */
import type { Messages } from '../catalog/wording-keys.js';

export const en: Messages = {
  bannerTitle: 'Cookies on {site}',
  bannerEssential: 'We use some essential cookies to make this website work.',
  bannerAsk: 'We’d also like to use {noun} to understand how you use this website, so we can improve it.',
  bannerExemption: 'We use {category} to count visits so we can improve the website. They do not identify you. You can turn them off.',
  bannerGpc: 'Your browser sends a Global Privacy Control signal, so we have not set optional cookies. You can still accept them.',
  nounAnalytics: 'analytics cookies',
  nounAdditional: 'additional cookies',
  accept: 'Accept {noun}',
  reject: 'Reject {noun}',
  keep: 'Keep {noun} on',
  turnOff: 'Turn off {noun}',
  choose: 'Choose which cookies to use',
  policyLink: 'Read our cookie policy',
  accepted: 'You’ve accepted {noun}.',
  rejected: 'You’ve rejected {noun}.',
  saved: 'You’ve saved your cookie settings.',
  changeBefore: 'You can',
  changeLink: 'change your cookie settings',
  changeAfter: 'at any time.',
  hide: 'Hide cookie message',
  dialogTitle: 'Cookie settings',
  dialogIntro: 'Choose which optional cookies we can use. Essential cookies are always on because the website needs them to work.',
  alwaysOn: 'Always on',
  on: 'On',
  off: 'Off',
  save: 'Save cookie settings',
  close: 'Close',
  consentIdLabel: 'Your consent ID',
  consentIdHelp: 'Quote it if you ask the council about the choices you made here.',
  copy: 'Copy',
  copied: 'Copied',
  tableName: 'Name',
  tablePurpose: 'Purpose',
  tableExpires: 'Expires',
  tableEmpty: 'We do not set any cookies in this category.',
  expiresSession: 'When you close your browser',
  // Lifetimes in words: for years, months, weeks, days, hours, minutes and seconds in turn, the
  // forms for the plural categories "one", "two" and every other (Intl.PluralRules), as "one|two|other".
  durationUnits:
    'year|years|years month|months|months week|weeks|weeks day|days|days hour|hours|hours minute|minutes|minutes second|seconds|seconds',
  placeholderText: 'This content from {provider} is hidden because it would set cookies you have not accepted.',
  placeholderTextNoProvider: 'This content is hidden because it would set cookies you have not accepted.',
  placeholderAccept: 'Accept {category} and show',
  placeholderLink: 'Open this content in a new page',
};
