import { expect, test } from 'vitest';
import { PREVIEW_URL, SiteAddressError, isLocalHost, siteAddress } from '../../../src/site/address.ts';

test('without SITE_URL a build is a preview at the local server', () => {
  expect(siteAddress({})).toEqual({ url: PREVIEW_URL, preview: true, publishing: false });
});

test('a public SITE_URL is the site, not a preview', () => {
  expect(siteAddress({ SITE_URL: 'https://esanjeevani.example.org/' })).toEqual({ url: 'https://esanjeevani.example.org', preview: false, publishing: false });
  expect(siteAddress({ SITE_URL: 'https://esanjeevani.example.org', PUBLISH: '1' })).toEqual({
    url: 'https://esanjeevani.example.org',
    preview: false,
    publishing: true,
  });
});

test('a local SITE_URL makes a preview', () => {
  expect(siteAddress({ SITE_URL: 'http://localhost:8080' }).preview).toBe(true);
  expect(siteAddress({ SITE_URL: 'http://192.168.1.20:4321' }).preview).toBe(true);
});

test('a publish build stops, saying what to do, when SITE_URL is missing, local, not https or under a path', () => {
  const stops = (env: Record<string, string>) => {
    try {
      siteAddress(env);
    } catch (error) {
      expect(error).toBeInstanceOf(SiteAddressError);
      return (error as Error).message;
    }
    throw new Error(`no stop for ${JSON.stringify(env)}`);
  };
  expect(stops({ PUBLISH: '1' })).toMatch(/^This build is for publishing, but SITE_URL is not set\. Set SITE_URL to the address readers will open/);
  expect(stops({ PUBLISH: '1', SITE_URL: 'http://127.0.0.1:4321' })).toContain('an address on this machine or a private network');
  expect(stops({ PUBLISH: '1', SITE_URL: 'http://esanjeevani.example.org' })).toContain('needs an https address');
  // Netlify's production deploys count as publishing.
  expect(stops({ NETLIFY: 'true', CONTEXT: 'production' })).toContain('SITE_URL is not set');
  // Any build: links start at the domain's root, so a sub-path cannot work.
  expect(stops({ SITE_URL: 'https://example.org/report/' })).toContain('a sub-path such as https://example.org/report/ is not supported');
  expect(stops({ SITE_URL: 'not an address' })).toContain('SITE_URL is not an address');
});

test('CI alone does not mark a publish build: CI also builds a preview to test', () => {
  expect(siteAddress({ CI: 'true' }).preview).toBe(true);
  expect(siteAddress({ NETLIFY: 'true', CONTEXT: 'deploy-preview' }).preview).toBe(true);
});

test('local hosts: this machine and private networks, not public names that look alike', () => {
  for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '10.0.0.5', '172.16.0.1', '192.168.0.10', '[::1]', 'printer.local']) {
    expect(isLocalHost(host), host).toBe(true);
  }
  for (const host of ['example.org', '172.32.0.1', '8.8.8.8', 'fcbarcelona.com', 'localhost.example.org']) expect(isLocalHost(host), host).toBe(false);
});
