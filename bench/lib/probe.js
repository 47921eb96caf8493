// Injected into every benchmark page before any of its own scripts (Playwright addInitScript).
// It records, on window.__bench: when the library's banner is first drawn visible and when it
// has settled (fully opaque, no longer moving), long tasks, layout shifts, the first paint, and
// the time of the resident's click. It polls once per animation frame only until the banner has
// settled, so its own cost is a few microseconds a frame, the same on every page.
// `path` finds the banner: CSS selectors, each after the first looked up inside the shadow root
// of the element the one before found (e.g. ["cookie-banner", ".banner"]); null on a page with none.
// With `poll` false (a visit that should show no banner) it does not poll at all, so it costs
// nothing while the library works; `bench.bannerOnScreen()` then says whether a banner is showing.
(path, poll = true) => {
  const bench = (window.__bench = window.__bench || {});
  bench.longTasks = [];
  bench.shifts = [];
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
    } catch {
      // not supported: left empty
    }
  };
  observe('longtask', (entry) => bench.longTasks.push([entry.startTime, entry.duration]));
  observe('layout-shift', (entry) => {
    if (!entry.hadRecentInput) bench.shifts.push([entry.startTime, entry.value]);
  });
  observe('paint', (entry) => {
    if (entry.name === 'first-contentful-paint') bench.fcp = entry.startTime;
  });
  addEventListener(
    'click',
    () => {
      if (bench.clickAt === undefined) bench.clickAt = performance.now();
    },
    true,
  );
  bench.standInRan = new Promise((resolve) => (bench.onStandIn = resolve));
  if (!path) return;

  const find = () => {
    let root = document;
    for (let i = 0; root && i < path.length; i++) {
      const element = root.querySelector(path[i]);
      if (!element || i === path.length - 1) return element;
      root = element.shadowRoot;
    }
    return null;
  };
  const opacity = (element) => {
    let value = 1;
    for (let node = element; node; ) {
      if (node.nodeType === 1) value *= Number(getComputedStyle(node).opacity);
      node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
    }
    return value;
  };
  const onScreen = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || box.bottom <= 0 || box.right <= 0 || box.top >= innerHeight || box.left >= innerWidth)
      return null;
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return null;
    return box;
  };
  bench.bannerOnScreen = () => {
    const element = document.documentElement && find();
    return Boolean(element?.isConnected && onScreen(element));
  };
  if (!poll) return;
  let resolveShown;
  let resolveSettled;
  bench.bannerShown = new Promise((resolve) => (resolveShown = resolve));
  bench.bannerSettled = new Promise((resolve) => (resolveSettled = resolve));
  let last = '';
  let stableFrames = 0;
  const started = performance.now();
  const frame = () => {
    const element = document.documentElement && find();
    const box = element?.isConnected ? onScreen(element) : null;
    if (box) {
      const now = performance.now();
      if (bench.bannerAt === undefined) {
        bench.bannerAt = now;
        resolveShown(now);
      }
      const key = `${Math.round(box.x)},${Math.round(box.y)},${Math.round(box.width)},${Math.round(box.height)}`;
      if (opacity(element) < 0.99) last = '';
      else if (key === last) stableFrames += 1;
      else {
        last = key;
        stableFrames = 0;
        bench.settleCandidate = now;
      }
      // Opaque and unmoved for two more frames: settled since the first of them.
      if (stableFrames === 2) {
        bench.bannerSettledAt = bench.settleCandidate;
        resolveSettled(bench.bannerSettledAt);
        return;
      }
    }
    if (performance.now() - started < 60000) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};
