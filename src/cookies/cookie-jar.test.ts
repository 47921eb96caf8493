import { afterEach, describe, expect, it } from 'vitest';
import { cookieNames, cookieValues, expireCookie, pathPrefixes, setCookie } from './cookie-jar.js';

afterEach(() => {
  for (const name of cookieNames()) document.cookie = `${name}=; max-age=0; path=/`;
});

describe('the cookie jar', () => {
  it('lists every path a cookie visible on a page can have been set with', () => {
    expect(pathPrefixes('/')).toEqual(['/']);
    expect(pathPrefixes('/p/page.html')).toEqual(['/', '/p', '/p/', '/p/page.html']);
    expect(pathPrefixes('/a/b/')).toEqual(['/', '/a', '/a/', '/a/b', '/a/b/']);
  });

  it('reads every value of one exact name, and a name that only decodes to it is another cookie', () => {
    document.cookie = 'CookieContro%6C=forged; path=/';
    document.cookie = 'CookieControl=%7B%22a%22%3A1%7D; path=/';
    expect(cookieValues('CookieControl')).toEqual(['{"a":1}']);
    expect(cookieValues('CookieContro%6C')).toEqual(['forged']);
    expect(cookieValues('Cookie')).toEqual([]);
    document.cookie = 'CookieContro%6C=; max-age=0; path=/';
  });

  it('writes through js-cookie and deletes a name on every path it may be on', () => {
    setCookie('probe', 'a b;c', new Date(Date.now() + 60000));
    expect(cookieValues('probe')).toEqual(['a b;c']);
    expireCookie('probe');
    expect(cookieValues('probe')).toEqual([]);
  });
});
