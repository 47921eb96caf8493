// Launches Chromium for the benchmarks. Pages are served from 127.0.0.1 under the council's own
// host name (www.tunbridgewells.gov.uk, mapped to this machine), so cookies are set and deleted
// on a real registrable domain as on a council site; every other host name fails to resolve,
// so no request leaves the machine. The origin counts as secure, as an https site would.
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, chromiumExecutable } from '../chromium.mjs';

export const HOST = 'www.tunbridgewells.gov.uk';

export async function launch(port) {
  const origin = `http://${HOST}:${port}`;
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: [
      ...CHROMIUM_ARGS,
      // navigator.webdriver stays false, as for a resident: some libraries hide from robots.
      '--disable-blink-features=AutomationControlled',
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1, MAP * ~NOTFOUND`,
      `--unsafely-treat-insecure-origin-as-secure=${origin}`,
    ],
  });
  return { browser, origin };
}
