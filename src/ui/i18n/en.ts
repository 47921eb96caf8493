/**
 * The built-in English wording. Its keys are the wording a catalogue may override in
 * `text.<lang>`; `{site}`, `{noun}`, `{category}` and `{provider}` are filled in.
 */
export const en = {
  bannerTitle: 'Cookies on {site}',
  bannerEssential: 'We use some essential cookies to make this website work.',
  bannerAskAnalytics: 'We’d also like to use analytics cookies to understand how you use this website, so we can improve it.',
  bannerAskAdditional:
    'We’d also like to set additional cookies to understand how you use this website, remember your settings and improve our services.',
  bannerExemption:
    'We use {category} to count visits and see which pages are used, so we can improve the website. They do not identify you, and you can turn them off.',
  bannerGpc:
    'Your browser is sending a Global Privacy Control signal, so we have not set optional cookies. You can still accept them if you want to.',
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
  dialogIntro:
    'Choose which optional cookies we can use. Essential cookies are always on because the website needs them to work.',
  alwaysOn: 'Always on',
  on: 'On',
  off: 'Off',
  save: 'Save cookie settings',
  close: 'Close',
  tableName: 'Name',
  tablePurpose: 'Purpose',
  tableExpires: 'Expires',
  tableProvider: 'Set by {provider}.',
  tableEmpty: 'We do not set any cookies in this category.',
  expiresSession: 'When you close your browser',
  placeholderText: 'This content from {provider} is hidden because it would set cookies you have not accepted.',
  placeholderAccept: 'Accept {category} and show',
  placeholderLink: 'Open this content in a new page',
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
