// A stand-in for an analytics tag: it sets the cookies the council's catalogue lists, the
// way the real tag would, and records that it ran. No request leaves the machine.
(() => {
  const script = document.currentScript;
  const cookies = JSON.parse(script.getAttribute('data-cookies') || '[]');
  const host = location.hostname;
  const labels = host.split('.');
  // Analytics tags set their cookies on the registrable domain, so every subdomain shares them.
  const siteDomain = labels.length > 1 && !/^[\d.]+$/.test(host) ? labels.slice(-2).join('.') : '';
  for (const cookie of cookies) {
    const lifetime = cookie.maxAge ? `; max-age=${cookie.maxAge}` : '';
    const domain = siteDomain ? `; domain=${siteDomain}` : '';
    document.cookie = `${cookie.name}=stand-in.${Date.now()}; path=${cookie.path || '/'}${lifetime}${domain}; samesite=lax`;
  }
  const record = (window.standInAnalytics ??= { runs: 0, cookies: [] });
  record.runs += 1;
  record.cookies = cookies.map((cookie) => cookie.name);
  (window.releaseLog ??= []).push('stand-in-analytics');
  const status = document.getElementById('analytics-status');
  if (status) status.textContent = `Stand-in analytics ran ${record.runs} time(s) and set: ${record.cookies.join(', ') || 'nothing'}.`;
})();
