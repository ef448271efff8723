/**
 * What is checked before anything is built, by `npm run build` (scripts/build.ts) and by a plain
 * `astro build` (scripts/report-integration.ts) alike: the address (a publish build needs a public
 * SITE_URL, src/site/address.ts), then the data (every rule of src/data). A failure is a CheckFailed whose
 * message is all a person needs: the address rule, or one line per broken data rule.
 */
import { DATA_DIR } from '../src/data/files.ts';
import { loadDataset } from '../src/data/load.ts';
import { DataError } from '../src/data/problems.ts';
import { SiteAddressError, siteAddress, type SiteAddress } from '../src/site/address.ts';

export class CheckFailed extends Error {}

/** Checks the address and the data; returns the address the site is built for. */
export function checkBeforeBuild(env: Record<string, string | undefined> = process.env, dataDir: string = DATA_DIR): SiteAddress {
  let address: SiteAddress;
  try {
    address = siteAddress(env);
  } catch (error) {
    if (error instanceof SiteAddressError) throw new CheckFailed(error.message);
    throw error;
  }
  // The data: a broken rule is reported as the rules' own lines, not as a stack trace from a page.
  try {
    loadDataset(dataDir);
  } catch (error) {
    if (error instanceof DataError) throw new CheckFailed(error.message);
    throw error;
  }
  return address;
}

/** The line a preview build prints, so nobody takes it for the one to publish. */
export const previewNotice = (address: SiteAddress) =>
  `A preview build at ${address.url}: its PDF, PNGs, embed codes and share cards say so. To publish, set SITE_URL and run npm run build:publish.`;
