// The size and speed targets the benchmark reports against (issue 11), judged from one run's
// figures, side by side with the peers measured in the same run. "Ours" is the script tag as the
// README sets it up (the core, the catalogue preloaded); the inline-catalogue and single-file
// variants are shown beside it for reference.

const OREJIME = 'orejime';

export const TARGETS_NOTE =
  'Ours: the script tag as the README sets it up (the core, which fetches its parts; the catalogue preloaded), with the inline-catalogue and single-file pages in brackets. ' +
  'Bytes are brotli (quality 11) of the library’s own JS and CSS files, the median over the visits at the first CPU setting. ' +
  '“Code before the banner” counts every JS and CSS file of the library the page asked for before the banner was first visible (for ours: the core and the banner part); ' +
  'the row “with the set-up” adds the configuration each page carries (our catalogue; Orejime’s inline configuration). ' +
  'The fastest peer is the fastest of vanilla-cookieconsent, Orejime, Klaro and tarteaucitron by median in that visit and CPU setting, whether or not it does less.';

/** Rows [target, ours, compared with, ratio, status] for the visits and CPU settings the run has. */
export function targetRows(report, { bytes, label }) {
  const libs = report.libraries;
  const primary = libs.find((lib) => lib.primary)?.id;
  const variants = libs.filter((lib) => lib.ours && !lib.primary).map((lib) => lib.id);
  const peers = libs.filter((lib) => !lib.ours && !lib.baseline).map((lib) => lib.id);
  const rates = report.options.cpuRates.map(String);
  const firstRate = rates[0];
  const summary = (kind, rate, id, metric) => report.results[kind]?.[rate]?.[id]?.metrics[metric];
  const median = (kind, rate, id, metric) => (summary(kind, rate, id, metric)?.n ? summary(kind, rate, id, metric).median : NaN);
  const setup = (id) => report.setup[id]?.brotli ?? NaN;
  const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 100 ? 1 : 0)} ms` : '–');
  const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
  /** Ours, with the variants in brackets. */
  const oursCell = (format, value) => {
    const others = variants.map((id) => format(value(id))).filter((text) => text !== '–');
    return `${format(value(primary))}${others.length ? ` (${others.join('; ')})` : ''}`;
  };
  const fastestPeer = (kind, rate, metric) =>
    peers
      .map((id) => ({ id, value: median(kind, rate, id, metric) }))
      .filter((peer) => Number.isFinite(peer.value))
      .sort((a, b) => a.value - b.value)[0];
  /** "met", or "NOT MET" with what it would take, for "ours ≤ limit × reference". */
  const status = (ours, limit, reference, unit) => {
    if (!Number.isFinite(ours) || !Number.isFinite(reference)) return 'not measured';
    if (ours <= limit * reference) return 'met';
    const over = ours - limit * reference;
    return `NOT MET: ${unit === 'B' ? `${bytes(over)} B` : `${over.toFixed(1)} ms`} over`;
  };
  const rows = [];

  if (report.results.returning?.[firstRate]) {
    const ours = (id) => median('returning', firstRate, id, 'bytes');
    rows.push([
      'Returning visit: our JavaScript fetched ≤ 6,000 B',
      oursCell((value) => `${bytes(value)} B`, ours),
      '6,000 B',
      ratio(ours(primary) / 6000),
      status(ours(primary), 1, 6000, 'B'),
    ]);
    const orejime = median('returning', firstRate, OREJIME, 'bytes');
    if (Number.isFinite(orejime))
      rows.push([
        'Returning visit: ≤ 0.46× Orejime’s JS + CSS',
        oursCell((value) => ratio(value / orejime), ours),
        `Orejime ${bytes(orejime)} B`,
        ratio(ours(primary) / orejime),
        status(ours(primary), 0.46, orejime, 'B'),
      ]);
    for (const rate of rates) {
      const fastest = fastestPeer('returning', rate, 'scriptMs');
      if (!fastest) continue;
      const value = (id) => median('returning', rate, id, 'scriptMs');
      rows.push([
        `Returning visit: script time ≤ 0.5× the fastest peer’s, CPU ${rate}×`,
        oursCell(ms, value),
        `${label(fastest.id)} ${ms(fastest.value)}`,
        ratio(value(primary) / fastest.value),
        status(value(primary), 0.5, fastest.value, 'ms'),
      ]);
    }
  }

  if (report.results.first?.[firstRate]) {
    const code = (id) => median('first', firstRate, id, 'bytesBeforeBanner');
    const orejime = code(OREJIME);
    if (Number.isFinite(orejime)) {
      const headingFor = (ours, reference) => {
        const verdict = status(ours, 1, reference, 'B');
        return verdict === 'met' && ours > 0.9 * reference ? 'met (0.9× not yet)' : verdict;
      };
      rows.push([
        'First visit: code fetched before the banner ≤ 1.0× Orejime (heading for 0.9×)',
        oursCell((value) => `${bytes(value)} B`, code),
        `Orejime ${bytes(orejime)} B`,
        ratio(code(primary) / orejime),
        headingFor(code(primary), orejime),
      ]);
      const withSetup = (id) => code(id) + setup(id);
      rows.push([
        'First visit: the same, with the set-up counted on both sides',
        oursCell((value) => `${bytes(value)} B`, withSetup),
        `Orejime ${bytes(withSetup(OREJIME))} B`,
        ratio(withSetup(primary) / withSetup(OREJIME)),
        headingFor(withSetup(primary), withSetup(OREJIME)),
      ]);
    }
    for (const rate of rates) {
      const fastest = fastestPeer('first', rate, 'bannerAt');
      if (!fastest) continue;
      const value = (id) => median('first', rate, id, 'bannerAt');
      rows.push([
        `First visit: median time to banner ≤ the fastest peer’s, CPU ${rate}×`,
        oursCell(ms, value),
        `${label(fastest.id)} ${ms(fastest.value)}`,
        ratio(value(primary) / fastest.value),
        status(value(primary), 1, fastest.value, 'ms'),
      ]);
    }
    const worstShift = (id) => Math.max(...rates.map((rate) => summary('first', rate, id, 'cls')?.max ?? NaN));
    rows.push([
      'First visit: CLS 0 (every visit, every CPU setting)',
      oursCell((value) => (Number.isFinite(value) ? `largest ${value.toFixed(3)}` : '–'), worstShift),
      '0',
      '–',
      !Number.isFinite(worstShift(primary)) ? 'not measured' : worstShift(primary) === 0 ? 'met' : 'NOT MET',
    ]);
  }
  return rows;
}
