import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { expect, test } from 'vitest';
import { localAddressesIn } from '../../../scripts/local-addresses.ts';

/** A one-page PDF whose only link goes to `uri`, as Chromium writes a link: a /Link annotation with a /URI action. */
async function pdfLinkingTo(uri: string): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([200, 200]);
  const link = document.context.register(
    document.context.obj({
      Type: 'Annot',
      Subtype: 'Link',
      Rect: [10, 10, 100, 30],
      A: { Type: 'Action', S: 'URI', URI: PDFString.of(uri) },
    }),
  );
  page.node.set(PDFName.of('Annots'), document.context.obj([link]));
  return document.save();
}

async function siteWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'local-addresses-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

test('a local address in a page, an embed code, a sitemap or a PDF link is found, with its file', async () => {
  const dir = await siteWith({
    'hi/index.html': '<link rel="canonical" href="http://127.0.0.1:4321/hi/">',
    'hi/embed/index.html': '<textarea>&lt;iframe src="http://localhost:4321/hi/embed/x/"&gt;</textarea>',
    'sitemap-0.xml': '<loc>https://report.example/hi/</loc>',
    'hi/e-sanjeevani-report.pdf': await pdfLinkingTo('http://127.0.0.1:4321/data/states.csv'),
  });
  expect(await localAddressesIn(dir)).toEqual([
    'hi/e-sanjeevani-report.pdf: http://127.0.0.1:4321/data/states.csv',
    'hi/embed/index.html: http://localhost:4321/hi/embed/x/',
    'hi/index.html: http://127.0.0.1:4321/hi/',
  ]);
});

test('a site on its public address has none, whatever numbers it holds', async () => {
  const dir = await siteWith({
    'hi/index.html': '<link rel="canonical" href="https://report.example/hi/"><p>1,34,11,325</p><script>var v="10.1.2.3"</script>',
    'hi/e-sanjeevani-report.pdf': await pdfLinkingTo('https://report.example/data/states.csv'),
  });
  expect(await localAddressesIn(dir)).toEqual([]);
});
