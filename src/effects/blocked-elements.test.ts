import { afterEach, describe, expect, it } from 'vitest';
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

afterEach(() => {
  document.body.replaceChildren();
  (window as unknown as Log).releaseLog = [];
});

describe('BlockedElements', () => {
  it('runs nothing while the category is refused', async () => {
    (window as unknown as Log).releaseLog = [];
    page(`<script type="text/plain" data-cookie-category="analytics">releaseLog.push('inline')</script>
          <script type="text/plain" data-cookie-category="analytics" src="${script("releaseLog.push('external')")}"></script>`);
    const gate = new BlockedElements(() => false);
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
    const gate = new BlockedElements((id) => granted.has(id));
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
    const gate = new BlockedElements((id) => granted.has(id));
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
    const gate = new BlockedElements(() => true);
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
    const gate = new BlockedElements(() => true);
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
    const gate = new BlockedElements(() => granted);
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
    const gate = new BlockedElements(() => true);
    await gate.start();
    page(`<script type="text/plain" data-cookie-category="analytics">releaseLog.push('late')</script>`);
    await expect.poll(() => log()).toEqual(['late']);
    gate.stop();
  });

  it('shows a blocked iframe only while granted, with a placeholder in between', async () => {
    const root = page(`<iframe data-cookie-category="video" data-src="about:blank#video" width="400" height="225" title="Video"></iframe>`);
    const iframe = root.querySelector('iframe')!;
    const blocked: HTMLIFrameElement[] = [];
    let granted = false;
    const gate = new BlockedElements(() => granted, {
      block: (element) => blocked.push(element),
      unblock: (element) => blocked.splice(blocked.indexOf(element), 1),
    });
    await gate.start();
    expect(iframe.hasAttribute('src')).toBe(false);
    expect(blocked).toEqual([iframe]);
    granted = true;
    await gate.update();
    expect(iframe.getAttribute('src')).toBe('about:blank#video');
    expect(blocked).toEqual([]);
    granted = false;
    await gate.update();
    expect(iframe.getAttribute('src')).toBe('about:blank');
    expect(blocked).toEqual([iframe]);
    gate.stop();
  });
});
