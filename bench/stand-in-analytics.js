// The benchmark's stand-in for Google Analytics. Every consent library under test keeps it
// blocked until the resident accepts analytics; when it runs it sets _ga (2 years), _gid
// (24 hours) and _gat (1 minute) the way gtag.js does with cookie_domain "auto" (on the
// highest domain that will take a cookie: tunbridgewells.gov.uk, not gov.uk), and records
// when it ran. It makes no request.
(() => {
  const ranAt = performance.now();
  const labels = location.hostname.split('.');
  let domain = '';
  if (labels.length > 1 && !/^[\d.]+$/.test(location.hostname)) {
    for (let i = labels.length - 2; i >= 0; i--) {
      const candidate = labels.slice(i).join('.');
      document.cookie = `_ga_probe=1; path=/; domain=${candidate}`;
      if (document.cookie.indexOf('_ga_probe=1') >= 0) {
        document.cookie = `_ga_probe=; path=/; domain=${candidate}; max-age=0`;
        domain = `; domain=${candidate}`;
        break;
      }
    }
  }
  const id = `GA1.1.${Math.floor(Math.random() * 1e9)}.${Math.floor(Date.now() / 1000)}`;
  document.cookie = `_ga=${id}; path=/; max-age=63072000${domain}; samesite=lax`;
  document.cookie = `_gid=GA1.1.${Math.floor(Math.random() * 1e9)}; path=/; max-age=86400${domain}; samesite=lax`;
  document.cookie = `_gat=1; path=/; max-age=60${domain}; samesite=lax`;
  const bench = (window.__bench = window.__bench || {});
  bench.standInRuns = (bench.standInRuns || 0) + 1;
  if (bench.standInRanAt === undefined) bench.standInRanAt = ranAt;
  if (bench.onStandIn) bench.onStandIn(ranAt);
})();
