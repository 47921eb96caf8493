// The Chromium the benchmarks drive, found the way the tests and `audit` find it
// (src/cli/chromium.ts, built to dist/ with the library: the benchmarks need a build anyway).
export { CHROMIUM_ARGS, chromiumExecutable } from '../dist/chromium.js';
