// cookieconsent-init.js for vanilla-cookieconsent 3.1.0, as its Getting Started page sets it up:
// the Tunbridge Wells catalogue as categories, autoClear for the analytics cookies, a cookie table.
CookieConsent.run({
  cookie: { name: 'cc_cookie', expiresAfterDays: 90 },
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {
      autoClear: { cookies: [{ name: '_ga' }, { name: '_gid' }, { name: '_gat' }] },
    },
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'Cookies on Tunbridge Wells Borough Council',
          description:
            'We use some essential cookies to make this website work. We’d like to set additional cookies to understand how you use the website, so we can improve it.',
          acceptAllBtn: 'Accept analytics cookies',
          acceptNecessaryBtn: 'Reject analytics cookies',
          showPreferencesBtn: 'Choose which cookies we use',
        },
        preferencesModal: {
          title: 'Cookie settings',
          acceptAllBtn: 'Accept analytics cookies',
          acceptNecessaryBtn: 'Reject analytics cookies',
          savePreferencesBtn: 'Save cookie settings',
          closeIconLabel: 'Close',
          sections: [
            {
              title: 'Essential cookies',
              description: 'We use essential cookies to remember if you’ve accepted analytics cookies.',
              linkedCategory: 'necessary',
              cookieTable: {
                headers: { name: 'Name', description: 'Purpose', expiration: 'Expires' },
                body: [{ name: 'cc_cookie', description: 'Remembers your cookie choice', expiration: '90 days' }],
              },
            },
            {
              title: 'Analytics cookies (optional)',
              description:
                'We use Google Analytics to understand how you use our website and to gather feedback, so we can improve it. We do not collect or store your personal information (for example your name or address) so this information cannot be used to identify who you are. We do not allow Google to use or share our analytics data.',
              linkedCategory: 'analytics',
              cookieTable: {
                headers: { name: 'Name', description: 'Purpose', expiration: 'Expires' },
                body: [
                  {
                    name: '_ga',
                    description: 'Helps us count how many people visit our website by telling us if you’ve visited before.',
                    expiration: '2 years',
                  },
                  {
                    name: '_gid',
                    description: 'Helps us count how many people visit our website by telling us if you’ve visited before.',
                    expiration: '24 hours',
                  },
                  { name: '_gat', description: 'Used to reduce the number of requests.', expiration: '1 minute' },
                ],
              },
            },
            {
              title: 'More information',
              description: 'Read our <a href="https://www.tunbridgewells.gov.uk/privacy-and-cookies">privacy and cookies policy</a>.',
            },
          ],
        },
      },
    },
  },
});
