import { launch } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
const srv = await startServer({ '/x.html': '<p>x' });
const { browser, origin } = await launch(srv.port);
const ctx = await browser.newContext(); const page = await ctx.newPage();
await page.goto(`${origin}/x.html`);
console.log(await page.evaluate(() => { for (let i = 0; i < 250; i++) document.cookie = `c${i}=1; path=/; max-age=3600` + (i % 2 ? '; domain=tunbridgewells.gov.uk' : ''); return document.cookie.split(';').length; }));
console.log((await ctx.cookies()).length);
await browser.close(); await srv.close();
