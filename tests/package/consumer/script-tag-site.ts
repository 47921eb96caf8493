// A site that uses the script tag and writes its own TypeScript around it: the package's main
// types bring the globals (as "types": ["council-cookie-consent"] in tsconfig.json would).
/// <reference types="council-cookie-consent" />

export const analyticsAllowed: boolean = window.CookieConsent?.hasConsent('analytics') ?? false;
window.CookieConsent?.showPreferences();

document.addEventListener('cookie-consent:change', (event) => {
  const granted: string[] = event.detail.granted;
  const analytics: boolean | undefined = event.detail.categories.analytics;
  const method: 'accept' | 'reject' | 'preferences' | 'placeholder' | 'api' | 'migrated' | undefined = event.detail.method;
  // @ts-expect-error: the detail has granted, categories and method only
  event.detail.grantedCategories;
  console.log(granted, analytics, method);
});

// @ts-expect-error: the API has no such method
window.CookieConsent?.acceptEverything();
