/**
 * The text of a PDF's pages as a PDF viewer copies it, honouring /ActualText, which pdf.js ignores. The
 * objects are read by pdf-lib (classic cross-reference tables, cross-reference streams and object streams
 * alike); this file reads only what pdf-lib leaves as bytes: the pages' content streams and the fonts'
 * /ToUnicode maps. Used by the tests and by the build's local-address check (scripts/local-addresses.ts).
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream, type PDFObject } from 'pdf-lib';

/** A PDF text string token as written in a content stream ('(...)' or '<FEFF...>') as text. */
export function decodePdfString(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.startsWith('<')) {
    const hex = trimmed.slice(1, -1).replace(/\s+/g, '');
    return decodeTextBytes(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
  }
  const body = trimmed.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_, escape: string) => {
    const named: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    if (named[escape] !== undefined) return named[escape];
    if (/^[0-7]+$/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return '';
  });
  return decodeTextBytes(Buffer.from(body, 'latin1'));
}

function decodeTextBytes(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be(bytes.subarray(2));
  return bytes.toString('latin1');
}

function utf16be(bytes: Buffer): string {
  let text = '';
  for (let at = 0; at + 1 < bytes.length; at += 2) text += String.fromCharCode((bytes[at]! << 8) | bytes[at + 1]!);
  return text;
}

/** A stream's bytes, decoded (Flate and the other filters pdf-lib knows). */
function streamText(stream: PDFObject | undefined): string {
  if (stream instanceof PDFRawStream) return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  if (stream instanceof PDFStream) return Buffer.from(stream.getContents()).toString('latin1');
  return '';
}

/** A font's glyph-to-text map from its /ToUnicode CMap: bfchar and bfrange entries. */
function toUnicodeMap(document: PDFDocument, font: PDFDict): Map<number, string> {
  const map = new Map<number, string>();
  const cmap = font.get(PDFName.of('ToUnicode'));
  if (cmap === undefined) return map;
  const text = streamText(document.context.lookup(cmap));
  const hexText = (hex: string) => utf16be(Buffer.from(hex, 'hex'));
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, from, to] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(parseInt(from!, 16), hexText(to!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, target] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
      const first = parseInt(low!, 16);
      const last = parseInt(high!, 16);
      if (target!.startsWith('[')) {
        const targets = [...target!.matchAll(/<([0-9A-Fa-f]*)>/g)].map((match) => hexText(match[1]!));
        for (let code = first; code <= last; code += 1) map.set(code, targets[code - first] ?? '');
      } else {
        // The range's first glyph maps to the target; each next glyph to the target's last character plus one.
        const base = hexText(target!.slice(1, -1));
        for (let code = first; code <= last; code += 1) {
          map.set(code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - first));
        }
      }
    }
  }
  return map;
}

export interface PageText {
  /** The text as a viewer copies it: /ActualText where a run has one, else each glyph's /ToUnicode text. */
  text: string;
  /** Glyphs drawn outside any /ActualText span that map to no text: they would not copy out. */
  unmapped: number;
}

/**
 * The text of each page in content-stream order, as a PDF viewer that honours /ActualText copies it.
 * Chromium draws a Devanagari cluster such as 'र्ट' as several glyphs and puts the cluster's real text in a
 * marked-content span, /Span <</ActualText ...>> BDC ... EMC; pdf.js ignores those spans and returns broken
 * Hindi, so the tests read the text this way. Spaces between words are not guaranteed: compare without them.
 */
export async function extractPageTexts(bytes: Uint8Array): Promise<PageText[]> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const fonts = new Map<PDFDict, Map<number, string>>();
  return document.getPages().map((page) => {
    const fontTable = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const fontsByName = new Map<string, PDFDict>();
    for (const [name, value] of fontTable?.entries() ?? []) fontsByName.set(name.asString().slice(1), document.context.lookup(value, PDFDict));
    const contents = page.node.Contents();
    const parts = contents instanceof PDFArray ? contents.asArray().map((part) => document.context.lookup(part)) : [contents];
    const streams = parts.map(streamText);
    let text = '';
    let unmapped = 0;
    let map = new Map<number, string>();
    // The open marked-content sequences; those with /ActualText hold its text until a glyph is drawn in them.
    // A span that draws nothing adds nothing: Chromium leaves such empty spans where it clipped a line away.
    const spans: ({ actual: string; drawn: boolean } | undefined)[] = [];
    const token =
      /\/Span\s*<<\s*\/ActualText\s*(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))\s*>>\s*BDC|\bBDC\b|\bBMC\b|\bEMC\b|\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf\b|<([0-9A-Fa-f\s]*)>\s*Tj\b|\[((?:[^\]\\]|\\.)*)\]\s*TJ\b|\bET\b/g;
    for (const stream of streams) {
      for (const match of stream.matchAll(token)) {
        const [whole, actual, fontName, hexRun, array] = match;
        if (actual !== undefined) spans.push({ actual: decodePdfString(actual), drawn: false });
        else if (whole === 'BDC' || whole === 'BMC') spans.push(undefined);
        else if (whole === 'EMC') spans.pop();
        else if (whole === 'ET') text += ' ';
        else if (fontName !== undefined) {
          const font = fontsByName.get(fontName);
          if (font === undefined) throw new Error(`Font /${fontName} is not in the page's resources.`);
          if (!fonts.has(font)) fonts.set(font, toUnicodeMap(document, font));
          map = fonts.get(font)!;
        } else {
          const span = spans.find((open) => open !== undefined);
          if (span) {
            if (!span.drawn) text += span.actual;
            span.drawn = true;
            continue;
          }
          const runs = hexRun !== undefined ? [hexRun] : [...(array ?? '').matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((run) => run[1]!);
          for (const run of runs) {
            const hex = run.replace(/\s+/g, '');
            for (let at = 0; at + 4 <= hex.length; at += 4) {
              const glyph = map.get(parseInt(hex.slice(at, at + 4), 16));
              if (glyph === undefined || glyph === '\u0000') unmapped += 1;
              else text += glyph;
            }
          }
        }
      }
    }
    return { text, unmapped };
  });
}
