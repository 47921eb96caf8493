/**
 * The names of the wording residents see: what a catalogue's `text.<lang>` may override.
 * The catalogue's definition needs only these names, so the texts stay out of the core.
 */
export const MESSAGE_KEYS = [
  'bannerTitle',
  'bannerEssential',
  'bannerAsk',
  'bannerExemption',
  'bannerGpc',
  'nounAnalytics',
  'nounAdditional',
  'accept',
  'reject',
  'keep',
  'turnOff',
  'choose',
  'policyLink',
  'accepted',
  'rejected',
  'saved',
  'changeBefore',
  'changeLink',
  'changeAfter',
  'hide',
  'dialogTitle',
  'dialogIntro',
  'alwaysOn',
  'on',
  'off',
  'save',
  'close',
  'tableName',
  'tablePurpose',
  'tableExpires',
  'tableEmpty',
  'expiresSession',
  'durationUnits',
  'placeholderText',
  'placeholderTextNoProvider',
  'placeholderAccept',
  'placeholderLink',
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];
export type Messages = Record<MessageKey, string>;
