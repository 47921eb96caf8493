import { afterEach, describe, expect, it, vi } from 'vitest';
import { BlockedElements } from './blocked-elements.js';

type Log = { releaseLog: string[] };
const log = () => (window as unknown as Log).releaseLog;
const script = (body: string) => URL.createObjectURL(new Blob([body], { type: 'text/javascript' }));

function page(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html; // test fixture markup, not catalogue text
  document.body.append(root);
  return root;
}

/** The optional categories of the catalogue these tests pretend to have. */
const OPTIONAL = ['analytics', 'marketing', 'video'];

afterEach(() => {
  document.body.replaceChildren();
  (window as unknown as Log).releaseLog = [];
  vi.restoreAllMocks();
});

describe('BlockedElements', () => {
  it('runs nothing while the category is refused', async () => {
    (window as unknown as Log).releaseLog = [];
    page(`<script type="text/plain" data-cookie-category="analytics">releaseLog.push('inline')</script>
          <script type="text/plain" data-cookie-category="analytics" src="${script("releaseLog.push('external')")}"></script>`);
    const gate = new BlockedElements(() => false, OPTIONAL);
    await gate.start();
    expect(log()).toEqual([]);
    gate.stop();
  });

  it('runs each granted script exactly once, in document order, external and inline mixed', async () => {
    (window as unknown as Log).releaseLog = [];
    const slow = script("releaseLog.push('external-1')");
    page(`<script type="text/plain" data-cookie-category="analytics" src="${slow}"></script>
          <script type="text/plain" data-cookie-category="analytics">releaseLog.push('inline-2')</script>
          <script type="text/plain" data-cookie-category="marketing">releaseLog.push('marketing')</script>
          <script type="text/plain" data-cookie-category="analytics" src="${script("releaseLog.push('external-3')")}"></script>
          <script type="text/plain" data-cookie-category="analytics">releaseLog.push('inline-4')</script>`);
    const granted = new Set(['analytics']);
    const gate = new BlockedElements((id) => granted.has(id), OPTIONAL);
    await gate.start();
    expect(log()).toEqual(['external-1', 'inline-2', 'external-3', 'inline-4']);
    await gate.update();
    await gate.update();
    expect(log()).toEqual(['external-1', 'inline-2', 'external-3', 'inline-4']);
    granted.add('marketing');
    await gate.update();
    expect(log()).toEqual(['external-1', 'inline-2', 'external-3', 'inline-4', 'marketing']);
    gate.stop();
  });

  it('needs every category an element names', async () => {
    (window as unknown as Log).releaseLog = [];
    page(`<script type="text/plain" data-cookie-category="analytics video">releaseLog.push('both')</script>`);
    const granted = new Set(['analytics']);
    const gate = new BlockedElements((id) => granted.has(id), OPTIONAL);
    await gate.start();
    expect(log()).toEqual([]);
    granted.add('video');
    await gate.update();
    expect(log()).toEqual(['both']);
    gate.stop();
  });

  it('keeps nonce, async, integrity, crossorigin and other attributes, and runs data-type="module" as a module', async () => {
    (window as unknown as Log).releaseLog = [];
    const root =
      page(`<script type="text/plain" data-cookie-category="analytics" src="${script("releaseLog.push('async')")}" async crossorigin="anonymous" id="a" data-extra="x"></script>
          <script type="text/plain" data-type="module" data-cookie-category="analytics">releaseLog.push(typeof import.meta)</script>`);
    const blockedNonce = document.createElement('script');
    blockedNonce.type = 'text/plain';
    blockedNonce.setAttribute('data-cookie-category', 'analytics');
    blockedNonce.nonce = 'abc123';
    blockedNonce.setAttribute('integrity', 'sha384-xyz');
    blockedNonce.text = "releaseLog.push('nonce')";
    root.append(blockedNonce);
    const gate = new BlockedElements(() => true, OPTIONAL);
    await gate.start();
    const released = Array.from(root.querySelectorAll('script'));
    expect(released.map((s) => s.getAttribute('type'))).toEqual([null, 'module', null]);
    expect(released[0].async).toBe(true);
    expect(released[0].getAttribute('crossorigin')).toBe('anonymous');
    expect(released[0].id).toBe('a');
    expect(released[0].getAttribute('data-extra')).toBe('x');
    expect(released[2].nonce).toBe('abc123');
    expect(released[2].getAttribute('integrity')).toBe('sha384-xyz');
    await expect.poll(() => log().sort()).toEqual(['async', 'nonce', 'object'].sort());
    gate.stop();
  });

  it('goes on past a script that fails to load', async () => {
    (window as unknown as Log).releaseLog = [];
    page(`<script type="text/plain" data-cookie-category="analytics" src="/does-not-exist.js"></script>
          <script type="text/plain" data-cookie-category="analytics">releaseLog.push('after')</script>`);
    const gate = new BlockedElements(() => true, OPTIONAL);
    await gate.start();
    expect(log()).toEqual(['after']);
    gate.stop();
  });

  it('does not run a script whose category was withdrawn while it waited for the scripts before it', async () => {
    (window as unknown as Log).releaseLog = [];
    const slow = URL.createObjectURL(new Blob(["releaseLog.push('slow')"], { type: 'text/javascript' }));
    page(`<script type="text/plain" data-cookie-category="analytics" src="${slow}"></script>
          <script type="text/plain" data-cookie-category="analytics">releaseLog.push('inline')</script>`);
    let granted = true;
    // Withdrawn the moment the external script is in the page, before it has loaded.
    const withdraw = new MutationObserver(() => {
      if (document.querySelector(`script[src="${slow}"]:not([type])`)) granted = false;
    });
    withdraw.observe(document.body, { childList: true, subtree: true });
    const gate = new BlockedElements(() => granted, OPTIONAL);
    await gate.start();
    withdraw.disconnect();
    expect(log()).toEqual(['slow']);
    granted = true;
    await gate.update();
    expect(log()).toEqual(['slow', 'inline']);
    gate.stop();
  });

  it('handles elements added to the page later', async () => {
    (window as unknown as Log).releaseLog = [];
    const gate = new BlockedElements(() => true, OPTIONAL);
    await gate.start();
    page(`<script type="text/plain" data-cookie-category="analytics">releaseLog.push('late')</script>`);
    await expect.poll(() => log()).toEqual(['late']);
    gate.stop();
  });

  it('shows a blocked iframe only while granted, with a placeholder in between', async () => {
    const root = page(
      `<iframe data-cookie-category="video" data-src="/no-such-page.html#video" width="400" height="225" title="Video"></iframe>`,
    );
    const iframe = root.querySelector('iframe')!;
    const blocked: HTMLIFrameElement[] = [];
    let granted = false;
    const gate = new BlockedElements(() => granted, OPTIONAL, {
      block: (element) => blocked.push(element),
      unblock: (element) => blocked.splice(blocked.indexOf(element), 1),
    });
    await gate.start();
    expect(iframe.hasAttribute('src')).toBe(false);
    expect(blocked).toEqual([iframe]);
    granted = true;
    await gate.update();
    expect(iframe.getAttribute('src')).toBe('/no-such-page.html#video');
    expect(blocked).toEqual([]);
    granted = false;
    await gate.update();
    expect(iframe.getAttribute('src')).toBe('about:blank');
    expect(blocked).toEqual([iframe]);
    gate.stop();
  });
});

/**
 * Appends an ordinary script that browsers run only after every ordered (non-async) script
 * added before it: once it has run, theirs was due, so whatever did not run never will.
 */
const barrier = (type = 'text/javascript') =>
  new Promise<void>((resolve) => {
    const element = document.createElement('script');
    element.type = type;
    element.async = false;
    element.src = script("releaseLog.push('barrier')");
    element.addEventListener('load', () => resolve());
    document.body.append(element);
  });

/** Calls `then` as soon as a released copy of the blocked script with `src` is in the page, before it can have loaded. */
function whenReleased(src: string, then: () => void) {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(`script[src="${src}"]:not([type="text/plain"])`)) return;
    observer.disconnect();
    then();
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

describe('a refusal while a released script downloads', () => {
  for (const [kind, attributes, barrierType] of [
    ['an external script', '', 'text/javascript'],
    ['a module', 'data-type="module"', 'module'],
  ])
    it(`stops ${kind} that has not run yet, and the inline script waiting behind it; consent given again runs it once`, async () => {
      (window as unknown as Log).releaseLog = [];
      const slow = script("releaseLog.push('external')");
      page(`<script type="text/plain" data-cookie-category="analytics" ${attributes} src="${slow}"></script>
            <script type="text/plain" data-cookie-category="analytics">releaseLog.push('inline')</script>`);
      let granted = true;
      const gate = new BlockedElements(() => granted, OPTIONAL);
      // As the page does when the resident rejects: the state changes, then the gate is told.
      whenReleased(slow, () => {
        granted = false;
        void gate.update();
      });
      await gate.start();
      await barrier(barrierType);
      expect(log()).toEqual(['barrier']);
      // The blocked original is back in its place.
      expect(document.querySelector(`script[type="text/plain"][src="${slow}"]`)).not.toBeNull();
      granted = true;
      await gate.update();
      await expect.poll(() => log()).toEqual(['barrier', 'external', 'inline']);
      await gate.update();
      expect(log()).toEqual(['barrier', 'external', 'inline']);
      gate.stop();
    });

  it('lets a script run whose category is still granted when another category is refused', async () => {
    (window as unknown as Log).releaseLog = [];
    const slow = script("releaseLog.push('analytics')");
    page(`<script type="text/plain" data-cookie-category="analytics" src="${slow}"></script>`);
    const granted = new Set(['analytics', 'video']);
    const gate = new BlockedElements((id) => granted.has(id), OPTIONAL);
    whenReleased(slow, () => {
      granted.delete('video');
      void gate.update();
    });
    await gate.start();
    expect(log()).toEqual(['analytics']);
    gate.stop();
  });
});

describe('blocked markup that is not a way to run script', () => {
  it('with a nonce given, releases only scripts that carry it', async () => {
    (window as unknown as Log).releaseLog = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    page(`<script type="text/plain" data-cookie-category="analytics" nonce="n0nce">releaseLog.push('ours')</script>
          <script type="text/plain" data-cookie-category="analytics">releaseLog.push('no nonce')</script>
          <script type="text/plain" data-cookie-category="analytics" nonce="guess">releaseLog.push('wrong nonce')</script>
          <script type="text/plain" data-cookie-category="analytics" src="${script("releaseLog.push('external, no nonce')")}"></script>`);
    const gate = new BlockedElements(() => true, OPTIONAL, undefined, 'n0nce');
    await gate.start();
    await gate.update();
    expect(log()).toEqual(['ours']);
    expect(error.mock.calls.map((call) => call.join(' '))).toEqual(
      Array(3).fill(
        'council-cookie-consent: <script data-cookie-category="analytics"> stays blocked: it lacks the nonce of the library’s script',
      ),
    );
    gate.stop();
  });

  it('never copies on… event handlers to the released script', async () => {
    (window as unknown as Log).releaseLog = [];
    const root = page(
      `<script type="text/plain" data-cookie-category="analytics" src="${script("releaseLog.push('external')")}" onload="releaseLog.push('onload')" ONERROR="releaseLog.push('onerror')"></script>`,
    );
    const gate = new BlockedElements(() => true, OPTIONAL);
    await gate.start();
    const released = root.querySelector('script')!;
    expect(released.getAttributeNames().filter((name) => name.startsWith('on'))).toEqual([]);
    await barrier();
    expect(log()).toEqual(['external', 'barrier']);
    gate.stop();
  });

  it('never releases "essential", a category the catalogue does not declare, or none, and says so once', async () => {
    (window as unknown as Log).releaseLog = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    page(`<script type="text/plain" data-cookie-category="essential">releaseLog.push('essential')</script>
          <script type="text/plain" data-cookie-category="analytics essential">releaseLog.push('analytics essential')</script>
          <script type="text/plain" data-cookie-category="advertising">releaseLog.push('advertising')</script>
          <script type="text/plain" data-cookie-category=" ">releaseLog.push('none')</script>`);
    // Even a state that says yes to everything (essential is always granted) releases none of them.
    const gate = new BlockedElements(() => true, OPTIONAL);
    await gate.start();
    await gate.update();
    expect(log()).toEqual([]);
    expect(error.mock.calls.map((call) => call.join(' '))).toEqual(
      ['essential', 'analytics essential', 'advertising', ' '].map(
        (value) => `council-cookie-consent: <script data-cookie-category="${value}"> stays blocked: no optional category has that name`,
      ),
    );
    gate.stop();
  });

  it('never gives an iframe a javascript:, data: or other non-http(s) data-src, and says so', async () => {
    (window as unknown as Log).releaseLog = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const root = page(`<iframe data-cookie-category="video" data-src="javascript:parent.releaseLog.push('javascript')"></iframe>
          <iframe data-cookie-category="video" data-src=" JavaScript:parent.releaseLog.push('JavaScript')"></iframe>
          <iframe data-cookie-category="video" data-src="data:text/html,<p>data</p>"></iframe>
          <iframe data-cookie-category="video" data-src="blob:${location.origin}/x"></iframe>`);
    const blocked: HTMLIFrameElement[] = [];
    const gate = new BlockedElements(() => true, OPTIONAL, { block: (iframe) => blocked.push(iframe), unblock: () => undefined });
    await gate.start();
    const iframes = Array.from(root.querySelectorAll('iframe'));
    expect(iframes.map((iframe) => iframe.getAttribute('src'))).toEqual([null, null, null, null]);
    expect(blocked).toEqual(iframes);
    expect(error).toHaveBeenCalledTimes(4);
    expect(error.mock.calls[0].join(' ')).toContain('its data-src is not http(s) or relative');
    expect(log()).toEqual([]);
    gate.stop();
  });

  it('takes a blocked iframe’s own src and srcdoc away until consent, then gives it data-src only', async () => {
    (window as unknown as Log).releaseLog = [];
    const root = page(`<iframe data-cookie-category="video" data-src="/no-such-page.html#video" src="/no-such-page.html#own"></iframe>
          <iframe data-cookie-category="video" data-src="/no-such-page.html#video" srcdoc="<p>own</p>"></iframe>`);
    const [withSrc, withSrcdoc] = Array.from(root.querySelectorAll('iframe'));
    let granted = false;
    const gate = new BlockedElements(() => granted, OPTIONAL);
    await gate.start();
    expect(withSrc.getAttribute('src')).toBe('about:blank');
    expect(withSrcdoc.hasAttribute('srcdoc')).toBe(false);
    expect(withSrcdoc.getAttribute('src')).toBeNull();
    granted = true;
    await gate.update();
    for (const iframe of [withSrc, withSrcdoc]) {
      expect(iframe.getAttribute('src')).toBe('/no-such-page.html#video');
      expect(iframe.hasAttribute('srcdoc')).toBe(false);
    }
    gate.stop();
  });
});
