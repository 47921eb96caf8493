import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, runCli } from './run-cli.js';

/** A council web server on loopback: the cookie page, a redirect to it, and the ways a fetch goes wrong. */
const page = readFileSync(fixture('cli/council-layouts.html'));
const sockets = new Set<Socket>();
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case '/cookies':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
        return;
      case '/old/cookie-policy':
        response.writeHead(301, { location: '/cookies' }).end();
        return;
      case '/loop':
        response.writeHead(302, { location: '/loop' }).end();
        return;
      case '/huge': {
        // 11 MB with no length given: the limit is found while reading, not announced.
        response.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const more = () => {
          while (sent < 11 && !response.destroyed) {
            sent++;
            if (!response.write(chunk)) return void response.once('drain', more);
          }
          response.end();
        };
        more();
        return;
      }
      case '/silent':
        return; // Never answers.
      default:
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('import of a live cookie page', () => {
  test('the page at an address, after a redirect, gives the same draft as the saved file', async () => {
    const live = await runCli(['import', `${origin}/old/cookie-policy`]);
    expect(live.code).toBe(0);
    expect(live.stderr).toContain(`import: ${origin}/old/cookie-policy redirected to ${origin}/cookies`);
    const saved = await runCli(['import', fixture('cli/council-layouts.html')]);
    expect(saved.code).toBe(0);
    expect(JSON.parse(live.stdout)).toEqual(JSON.parse(saved.stdout));
    expect(JSON.parse(live.stdout).site.name).toBe('Northbrook District Council');
  });

  test.each([
    ['/missing', /cannot fetch .*\/missing: the server answered 404 Not Found/],
    ['/loop', /cannot fetch .*\/loop: too many redirects/],
    ['/huge', /cannot fetch .*\/huge: the page is more than the 10 MB import reads/],
    ['/silent', /cannot fetch .*\/silent: no answer within 1 s/],
  ])('%s: exit 2 with one line saying why', async (path, message) => {
    const run = await runCli(['import', `${origin}${path}`, '--timeout', '1']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  test('a server that is not there: exit 2, the connection was refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const run = await runCli(['import', `http://127.0.0.1:${port}/cookies`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot fetch .*: the connection was refused/);
  });

  test('a bad --timeout is a usage error', async () => {
    const run = await runCli(['import', `${origin}/cookies`, '--timeout', 'soon']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--timeout "soon" is not a number of seconds/);
  });
});
