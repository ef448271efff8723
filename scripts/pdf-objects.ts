/**
 * Just enough of the PDF file structure (ISO 32000-1, section 7) to read and amend the PDFs that Chromium
 * (Skia) writes: classic cross-reference tables, uncompressed dictionaries, Flate streams, hex strings.
 * Not a general PDF parser: it throws on what it does not know rather than guess.
 *
 * Used by scripts/pdf.ts (to set the PDF's language and mend its outline) and by the tests (to read the
 * text as a PDF viewer copies it, honouring /ActualText, which pdf.js ignores; see extractPageTexts).
 */
import { inflateSync } from 'node:zlib';

/** A PDF as bytes, with its objects found through the chain of cross-reference sections. */
export class PdfFile {
  readonly bytes: Buffer;
  readonly text: string;
  readonly offsets = new Map<number, number>();
  /** The newest trailer dictionary, e.g. '<</Size 1078 /Root 1061 0 R /Info 1 0 R>>'. */
  readonly trailer: string;
  readonly startxref: number;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
    this.text = bytes.toString('latin1');
    const last = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(this.text);
    if (!last?.[1]) throw new Error('Not a PDF this reader knows: no startxref at its end.');
    this.startxref = Number(last[1]);
    let at: number | undefined = this.startxref;
    let newest: string | undefined;
    const seen = new Set<number>();
    while (at !== undefined && !seen.has(at)) {
      seen.add(at);
      if (!this.text.startsWith('xref', at)) throw new Error(`No classic cross-reference table at ${at} (object streams are not supported).`);
      const trailerAt = this.text.indexOf('trailer', at);
      const rows = this.text.slice(at + 4, trailerAt).trim().split(/\r?\n/);
      for (let row = 0; row < rows.length; ) {
        const [first, count] = (rows[row] ?? '').trim().split(/\s+/).map(Number);
        row += 1;
        for (let index = 0; index < (count ?? 0); index += 1, row += 1) {
          const [offset, , kind] = (rows[row] ?? '').trim().split(/\s+/);
          const number = (first ?? 0) + index;
          if (kind === 'n' && !this.offsets.has(number)) this.offsets.set(number, Number(offset));
        }
      }
      const dictionary = this.dictionaryAt(this.text.indexOf('<<', trailerAt));
      newest ??= dictionary;
      const previous = /\/Prev\s+(\d+)/.exec(dictionary)?.[1];
      at = previous === undefined ? undefined : Number(previous);
    }
    if (!newest) throw new Error('The PDF has no trailer.');
    this.trailer = newest;
  }

  /** The text of the dictionary that starts at `start` ('<<') in the file. */
  dictionaryAt(start: number): string {
    return readDictionary(this.text, start);
  }

  /** Object `number`'s dictionary, e.g. '<</Type /Catalog /Pages 147 0 R ...>>'; undefined when it is not a dictionary. */
  dictionary(number: number): string | undefined {
    const offset = this.offsets.get(number);
    if (offset === undefined) throw new Error(`Object ${number} is not in the cross-reference table.`);
    const header = /^\s*\d+\s+\d+\s+obj\s*/.exec(this.text.slice(offset, offset + 40));
    if (!header) throw new Error(`Object ${number} is not where the cross-reference table says (${offset}).`);
    const start = offset + header[0].length;
    return this.text.startsWith('<<', start) ? this.dictionaryAt(start) : undefined;
  }

  /** Object `number`'s stream, inflated when it is Flate-compressed. */
  stream(number: number): Buffer {
    const dictionary = this.dictionary(number);
    if (!dictionary) throw new Error(`Object ${number} has no stream.`);
    const offset = this.offsets.get(number) ?? 0;
    const afterDictionary = this.text.indexOf(dictionary, offset) + dictionary.length;
    const keyword = /^\s*stream\r?\n/.exec(this.text.slice(afterDictionary, afterDictionary + 20));
    if (!keyword) throw new Error(`Object ${number} has no stream.`);
    const lengthEntry = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dictionary);
    if (!lengthEntry?.[1]) throw new Error(`Object ${number} has no /Length.`);
    const length = lengthEntry[2] ? Number(/\d+/.exec(this.objectText(Number(lengthEntry[1])))?.[0]) : Number(lengthEntry[1]);
    const start = afterDictionary + keyword[0].length;
    const raw = this.bytes.subarray(start, start + length);
    if (/\/Filter\s*\/FlateDecode/.test(dictionary)) return inflateSync(raw);
    if (/\/Filter/.test(dictionary)) throw new Error(`Object ${number} has a filter this reader does not know.`);
    return Buffer.from(raw);
  }

  /** The raw text of a small object without a stream, e.g. an integer. */
  objectText(number: number): string {
    const offset = this.offsets.get(number) ?? 0;
    return this.text.slice(offset, this.text.indexOf('endobj', offset)).replace(/^\s*\d+\s+\d+\s+obj/, '').trim();
  }

  /** The object number a dictionary's entry refers to: ref('<</Root 5 0 R>>', 'Root') -> 5. */
  static ref(dictionary: string, key: string): number | undefined {
    const match = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dictionary);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  }

  /** The catalog's object number. */
  get root(): number {
    const root = PdfFile.ref(this.trailer, 'Root');
    if (root === undefined) throw new Error('The PDF trailer has no /Root.');
    return root;
  }

  /** The page objects in reading order, from the catalog's page tree. */
  pages(): number[] {
    const walk = (number: number): number[] => {
      const node = this.dictionary(number) ?? '';
      if (/\/Type\s*\/Page\b/.test(node)) return [number];
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '';
      return [...kids.matchAll(/(\d+)\s+\d+\s+R/g)].flatMap((kid) => walk(Number(kid[1])));
    };
    const pages = PdfFile.ref(this.dictionary(this.root) ?? '', 'Pages');
    if (pages === undefined) throw new Error('The catalog has no /Pages.');
    return walk(pages);
  }
}

/** The dictionary that starts at `start` ('<<') in `text`, nested dictionaries and strings included. */
export function readDictionary(text: string, start: number): string {
  let depth = 0;
  for (let at = start; at < text.length; at += 1) {
    const char = text[at];
    if (char === '(') {
      at = skipLiteralString(text, at);
    } else if (char === '<' && text[at + 1] === '<') {
      depth += 1;
      at += 1;
    } else if (char === '>' && text[at + 1] === '>') {
      depth -= 1;
      at += 1;
      if (depth === 0) return text.slice(start, at + 1);
    } else if (char === '<') {
      at = text.indexOf('>', at);
    }
  }
  throw new Error(`Unterminated dictionary at ${start}.`);
}

function skipLiteralString(text: string, start: number): number {
  let depth = 0;
  for (let at = start; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\\') at += 1;
    else if (char === '(') depth += 1;
    else if (char === ')' && --depth === 0) return at;
  }
  throw new Error(`Unterminated string at ${start}.`);
}

/** A PDF text string ('(...)' or '<FEFF...>') as text. */
export function decodePdfString(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.startsWith('<')) {
    const hex = trimmed.slice(1, -1).replace(/\s+/g, '');
    const bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    return decodeTextBytes(bytes);
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

/** Text as a PDF text string in UTF-16BE: 'पृष्ठ' -> '<FEFF092A...>'. */
export function encodePdfString(text: string): string {
  let hex = 'FEFF';
  for (let at = 0; at < text.length; at += 1) hex += text.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/**
 * Appends new versions of objects as an incremental update (ISO 32000-1, 7.5.6): the original bytes stay
 * as they are; the new objects, a cross-reference section for them and a trailer pointing back to the
 * previous one follow. `objects` maps object numbers to their new dictionaries.
 */
export function appendObjects(file: PdfFile, objects: Map<number, string>): Buffer {
  if (objects.size === 0) return file.bytes;
  const size = /\/Size\s+(\d+)/.exec(file.trailer)?.[1];
  if (!size) throw new Error('The PDF trailer has no /Size.');
  const keep = ['Root', 'Info']
    .map((key) => new RegExp(`/${key}\\s+\\d+\\s+\\d+\\s+R`).exec(file.trailer)?.[0])
    .concat(/\/ID\s*\[[^\]]*\]/.exec(file.trailer)?.[0])
    .filter(Boolean)
    .join(' ');
  let body = file.text.endsWith('\n') ? '' : '\n';
  const offsets = new Map<number, number>();
  for (const [number, dictionary] of [...objects].sort(([a], [b]) => a - b)) {
    offsets.set(number, file.bytes.length + Buffer.byteLength(body, 'latin1'));
    body += `${number} 0 obj\n${dictionary}\nendobj\n`;
  }
  const xrefAt = file.bytes.length + Buffer.byteLength(body, 'latin1');
  body += 'xref\n';
  for (const [number, offset] of offsets) body += `${number} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<</Size ${size} ${keep} /Prev ${file.startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([file.bytes, Buffer.from(body, 'latin1')]);
}

/** A font's glyph-to-text map from its /ToUnicode CMap: bfchar and bfrange entries. */
function toUnicodeMap(file: PdfFile, font: number): Map<number, string> {
  const map = new Map<number, string>();
  const cmap = PdfFile.ref(file.dictionary(font) ?? '', 'ToUnicode');
  if (cmap === undefined) return map;
  const text = file.stream(cmap).toString('latin1');
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

/** A dictionary's entry that holds a dictionary, written inline or as a reference; '' when there is none. */
function subDictionary(file: PdfFile, dictionary: string, key: string): string {
  const entry = new RegExp(`/${key}\\s*(<<|(\\d+)\\s+\\d+\\s+R)`).exec(dictionary);
  if (!entry) return '';
  if (entry[2] !== undefined) return file.dictionary(Number(entry[2])) ?? '';
  return readDictionary(dictionary, entry.index + entry[0].length - 2);
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
export function extractPageTexts(bytes: Buffer): PageText[] {
  const file = new PdfFile(bytes);
  const fonts = new Map<number, Map<number, string>>();
  return file.pages().map((page) => {
    const dictionary = file.dictionary(page) ?? '';
    const resources = subDictionary(file, dictionary, 'Resources');
    const fontTable = subDictionary(file, resources, 'Font');
    const fontRefs = new Map([...fontTable.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+\d+\s+R/g)].map((match) => [match[1]!, Number(match[2])]));
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+\s+\d+\s+R)/.exec(dictionary)?.[1] ?? '';
    const streams = [...contents.matchAll(/(\d+)\s+\d+\s+R/g)].map((match) => file.stream(Number(match[1])).toString('latin1'));
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
          const ref = fontRefs.get(fontName);
          if (ref === undefined) throw new Error(`Font /${fontName} is not in the page's resources.`);
          if (!fonts.has(ref)) fonts.set(ref, toUnicodeMap(file, ref));
          map = fonts.get(ref)!;
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
