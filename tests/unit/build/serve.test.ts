/**
 * The preview server (scripts/serve.ts) answers every request, however malformed, and keeps serving.
 * Requests go out through node:http with the path exactly as written: a browser or fetch() would tidy
 * '/%2e%2e/' into '/' before sending it, and the point is what arrives when nothing tidies it.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveFolder } from '../../../scripts/serve.ts';

const SITE = 'tests/fixtures/site';
let server: Server;
let port: number;

beforeAll(async () => {
  server = await serveFolder(SITE, 0);
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', fail);
    });
    outgoing.on('error', fail);
    outgoing.end();
  });
}

/** The control after every odd request: the server still serves a page. */
async function expectStillServing() {
  const home = await send('/hi/');
  expect(home.status).toBe(200);
  expect(home.body).toContain('हिंदी रिपोर्ट');
}

test.each(['/%E0%A4', '/hi/%E0%A4%', '/%', '/%zz/'])('a malformed escape %s gets 400, and the server keeps serving', async (path) => {
  expect((await send(path)).status).toBe(400);
  await expectStillServing();
});

test.each(['/..%2f..%2fpackage.json', '/%2e%2e/', '/%2e%2e/package.json', '/hi/..%2f..%2f..%2fpackage.json', '/../package.json'])(
  'a path out of the folder, %s, finds nothing there',
  async (path) => {
    const answer = await send(path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('"name"');
    await expectStillServing();
  },
);

test('an 8 kB address gets an answer', async () => {
  const answer = await send(`/hi/${'a'.repeat(8 * 1024)}`);
  expect(answer.status).toBe(404);
  await expectStillServing();
});

test('HEAD answers with the headers and no body', async () => {
  const answer = await send('/hi/', { method: 'HEAD' });
  expect(answer.status).toBe(200);
  expect(answer.headers['content-type']).toBe('text/html;charset=utf-8');
  expect(answer.body).toBe('');
  await expectStillServing();
});

test('a query string is no part of the file asked for', async () => {
  const answer = await send('/hi/?theme=dark&x=%E0%A4');
  expect(answer.status).toBe(200);
  expect(answer.body).toContain('हिंदी रिपोर्ट');
});

test('a missing file gets the site’s 404 page with status 404', async () => {
  const answer = await send('/hi/no-such-page/');
  expect(answer.status).toBe(404);
  expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(answer.body).toContain('This page does not exist.');
  await expectStillServing();
});

test('a folder without its slash is redirected to it, query kept, never to another site', async () => {
  const folder = await send('/hi?theme=dark');
  expect(folder.status).toBe(301);
  expect(folder.headers.location).toBe('/hi/?theme=dark');
  const doubled = await send('//hi');
  expect(doubled.status).toBe(301);
  expect(doubled.headers.location).toBe('/hi/');
});

test('files come with their type, an ETag that answers 304, and byte ranges', async () => {
  const csv = await send('/hi/data.csv');
  expect(csv.status).toBe(200);
  expect(csv.headers['content-type']).toBe('text/csv');
  const etag = csv.headers.etag ?? '';
  expect(etag).not.toBe('');
  expect((await send('/hi/data.csv', { headers: { 'If-None-Match': etag } })).status).toBe(304);
  const part = await send('/hi/data.csv', { headers: { Range: 'bytes=0-3' } });
  expect(part.status).toBe(206);
  expect(part.body).toBe('code');
});
