// Small statistics and formatting helpers for the benchmark tables.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const quantile = (sorted, q) => {
  if (!sorted.length) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
};

/** { n, median, q1, q3, min, max } of the finite numbers in `values`. */
export function summarise(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    min: sorted.length ? sorted[0] : NaN,
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
  };
}

/** Raw, gzip (level 9) and brotli (quality 11) sizes of a buffer or string. */
export function compressedSizes(content) {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  };
}

export const fileSizes = (path) => compressedSizes(readFileSync(path));

export const kb = (bytes) => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : '–');

/** "12.3 [10.1–14.0]": the median and the interquartile range. */
export function spread(summary, digits = 0) {
  if (!summary?.n) return '–';
  const f = (value) => value.toFixed(digits);
  return summary.q1 === summary.q3 ? `${f(summary.median)}` : `${f(summary.median)} [${f(summary.q1)}–${f(summary.q3)}]`;
}

/** A Markdown table: readable in a terminal and pasteable into the docs. */
export function table(headers, rows, align = []) {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => String(row[i]).length)));
  const line = (cells) =>
    `| ${cells.map((cell, i) => (align[i] === 'left' ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (align[i] === 'left' ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
