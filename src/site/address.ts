/**
 * The address the report is published at, from SITE_URL, and whether this build is a preview.
 *
 * A preview (no SITE_URL, or one on this machine or a private network) builds and serves as before, at the
 * local preview server's address, but everything a reader can carry away from it (the PDF, the PNGs, the
 * embed codes, the share card) is marked as a preview, so a local address is never taken for the report's.
 *
 * A build meant for publishing (PUBLISH=1, which `npm run build:publish` sets, or a production deploy on
 * Netlify or Cloudflare Pages) stops with a message when SITE_URL is missing or local: embed codes pasted
 * into articles cannot be corrected afterwards. CI=true alone does not mark a publish build: CI also runs
 * the tests, which build a preview.
 *
 * Used by astro.config.mjs (so a plain `astro build` holds to it too) and by scripts/build.ts, which checks
 * it before anything is built.
 */

/** The local preview server's address (scripts/serve.ts), the site of a preview build. */
export const PREVIEW_URL = 'http://127.0.0.1:4321';

/** A SITE_URL a build cannot use; its message says what to do. */
export class SiteAddressError extends Error {}

export interface SiteAddress {
  /** The site's origin, e.g. 'https://esanjeevani.example.org' (what Astro's `site` is set to). */
  url: string;
  /** True when the address is not one readers can reach: no SITE_URL, or a local one. */
  preview: boolean;
  /** True when the build is meant for publishing (then `preview` is never true). */
  publishing: boolean;
}

type Env = Record<string, string | undefined>;

/** Whether the environment marks this build as the one to publish. */
export function isPublishBuild(env: Env = process.env): boolean {
  if (env['PUBLISH'] === '1' || env['PUBLISH'] === 'true') return true;
  // Netlify's production deploys and Cloudflare Pages' builds run `npm run build` themselves.
  if (env['NETLIFY'] === 'true' && env['CONTEXT'] === 'production') return true;
  return env['CF_PAGES'] === '1' && env['CF_PAGES_BRANCH'] !== undefined && env['CF_PAGES_BRANCH'] === env['PRODUCTION_BRANCH'];
}

/** Whether `hostname` is this machine or a private network: an address no reader elsewhere can reach. */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  if (host.includes(':')) return host === '::1' || host === '::' || /^(fe80|fc|fd)/.test(host);
  const octets = host.split('.').map(Number);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet))) return false;
  const [a = -1, b = -1] = octets;
  return a === 127 || a === 10 || a === 0 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}

/** Whether a full address (e.g. a PNG's site URL) is local, so what carries it must say it is a preview. */
export function isPreviewUrl(url: string | URL): boolean {
  return isLocalHost(new URL(url).hostname);
}

const HOW_TO_PUBLISH =
  'Set SITE_URL to the address readers will open, e.g. SITE_URL=https://esanjeevani.example.org npm run build:publish. ' +
  'For a local preview, build with npm run build (no PUBLISH).';

/** Reads SITE_URL from `env`; throws SiteAddressError with what to do when the build cannot use it. */
export function siteAddress(env: Env = process.env): SiteAddress {
  const publishing = isPublishBuild(env);
  const raw = env['SITE_URL']?.trim();
  if (!raw) {
    if (publishing) throw new SiteAddressError(`This build is for publishing, but SITE_URL is not set. ${HOW_TO_PUBLISH}`);
    return { url: PREVIEW_URL, preview: true, publishing };
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new SiteAddressError(`SITE_URL is not an address: "${raw}". It should look like https://esanjeevani.example.org`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new SiteAddressError(`SITE_URL must be an http(s) address, not "${raw}".`);
  }
  // Every link in the report starts at the domain's root ('/hi/', '/_astro/…'), so it cannot live under a path.
  if (parsed.pathname !== '/' || parsed.search || parsed.hash) {
    throw new SiteAddressError(
      `SITE_URL is "${raw}", which has a path: the report must be served at the root of its domain ` +
        '(a sub-path such as https://example.org/report/ is not supported). Use a domain or subdomain of its own.',
    );
  }
  const local = isLocalHost(parsed.hostname);
  if (local && publishing) {
    throw new SiteAddressError(`This build is for publishing, but SITE_URL is "${raw}", an address on this machine or a private network. ${HOW_TO_PUBLISH}`);
  }
  if (publishing && parsed.protocol !== 'https:') {
    throw new SiteAddressError(`This build is for publishing, but SITE_URL is "${raw}": a published report needs an https address.`);
  }
  return { url: parsed.origin, preview: local, publishing };
}
