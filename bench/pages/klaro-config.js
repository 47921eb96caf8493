// config.js for Klaro 0.7.22, following its annotated dist/config.js: one service for the
// Tunbridge Wells analytics cookies, which Klaro deletes when consent is withdrawn.
// Klaro reads the global `klaroConfig` (its README): the name is its interface, not a variable of ours.
// biome-ignore lint/correctness/noUnusedVariables: read by Klaro as window.klaroConfig
var klaroConfig = {
  version: 1,
  elementID: 'klaro',
  styling: { theme: ['light', 'top', 'wide'] },
  htmlTexts: false,
  groupByPurpose: true,
  storageMethod: 'cookie',
  cookieName: 'klaro',
  cookieExpiresAfterDays: 90,
  default: false,
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  hideLearnMore: false,
  lang: 'en',
  translations: {
    zz: { privacyPolicyUrl: 'https://www.tunbridgewells.gov.uk/privacy-and-cookies' },
    en: {
      consentNotice: {
        description:
          'We use some essential cookies to make this website work. We’d like to set additional cookies to understand how you use the website, so we can improve it.',
      },
      purposes: { analytics: 'Analytics cookies (optional)' },
      analytics: {
        title: 'Google Analytics',
        description:
          'We use Google Analytics to understand how you use our website and to gather feedback, so we can improve it. We do not collect or store your personal information (for example your name or address) so this information cannot be used to identify who you are. We do not allow Google to use or share our analytics data.',
      },
    },
  },
  services: [
    {
      name: 'analytics',
      title: 'Google Analytics',
      purposes: ['analytics'],
      // As the annotated config says: give the path and domain of cookies not set on the current host.
      cookies: [
        [/^_ga$/, '/', 'tunbridgewells.gov.uk'],
        [/^_gid$/, '/', 'tunbridgewells.gov.uk'],
        [/^_gat$/, '/', 'tunbridgewells.gov.uk'],
      ],
      required: false,
      optOut: false,
      onlyOnce: true,
    },
  ],
};
