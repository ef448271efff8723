/**
 * Finds local addresses (this machine, a private network) in a built site: in every text file and in the
 * PDFs' strings (link targets, metadata) and text. A build for a public SITE_URL must hold none: a reader
 * who follows one from a PDF, an embed code or a shared card reaches nothing. PNGs carry their address as
 * pixels; they are drawn from SITE_URL by chartFrame(), whose unit test covers them.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFStream, PDFString, type PDFObject } from 'pdf-lib';
import { extractPageTexts } from './pdf-text.ts';
import { filesUnder } from './site-files.ts';

const LOCAL_HOST = String.raw`(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|\[::1\])`;

/**
 * An address on this machine or a private network, with its scheme or its port (so a version number such as
 * 10.1.2.3 in a script is not taken for one): 'http://127.0.0.1:4321/hi/', 'localhost:4321/en/'.
 */
export const LOCAL_ADDRESS = new RegExp(String.raw`(?:\bhttps?:\/\/${LOCAL_HOST}(?::\d+)?|\b${LOCAL_HOST}:\d+)(?:\/[^\s"'<>)]*)?`, 'g');

const TEXT_FILES = new Set(['.html', '.xml', '.txt', '.json', '.css', '.js', '.mjs', '.svg', '.csv', '.webmanifest', '']);

/** Every string in a PDF's objects (link targets, titles, metadata), decoded. */
export async function pdfStrings(bytes: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const found: string[] = [];
  const visit = (object: PDFObject | undefined): void => {
    if (object instanceof PDFString || object instanceof PDFHexString) found.push(object.decodeText());
    else if (object instanceof PDFDict) for (const [, value] of object.entries()) visit(value);
    else if (object instanceof PDFArray) object.asArray().forEach(visit);
    else if (object instanceof PDFStream) visit(object.dict);
  };
  for (const [, object] of document.context.enumerateIndirectObjects()) visit(object);
  return found;
}

/** 'file: address' for every local address in the site at `siteDir`. */
export async function localAddressesIn(siteDir: string): Promise<string[]> {
  const problems: string[] = [];
  const report = (file: string, text: string) => {
    for (const [address] of text.matchAll(LOCAL_ADDRESS)) problems.push(`${file}: ${address}`);
  };
  for (const file of filesUnder(siteDir)) {
    const extension = extname(file);
    if (extension === '.pdf') {
      const bytes = readFileSync(join(siteDir, file));
      for (const text of await pdfStrings(bytes)) report(file, text);
      for (const page of await extractPageTexts(bytes)) report(file, page.text);
    } else if (TEXT_FILES.has(extension)) {
      report(file, readFileSync(join(siteDir, file), 'utf8'));
    }
  }
  return [...new Set(problems)];
}
