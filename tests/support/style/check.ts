/**
 * The copy desk's rules, as a check a test runs over every text a reader sees (pages, embeds, chart text,
 * the PDFs), like the digit check: a variant the glossary forbids, Latin-script words in Hindi text outside
 * a short allow-list, a comma before 'और', and a claim phrase the sources do not support.
 * Pure: text and glossary in, problems out. The glossary is content/style/glossary.json.
 */
import type { Lang } from '../../../src/format/format.ts';

/** One concept's house term and the variants the report does not use, e.g. { use: 'हिंदी', forbid: ['हिन्दी'] }. */
export interface GlossaryTerm {
  concept: string;
  lang: Lang;
  use: string;
  firstUse?: string;
  forbid: string[];
  note?: string;
}

/** A phrase the sources do not support, e.g. { lang: 'en', phrase: 'Hindi press', why: '…' }. */
export interface ClaimPhrase {
  lang: Lang;
  phrase: string;
  why: string;
}

export interface Glossary {
  terms: GlossaryTerm[];
  claims: ClaimPhrase[];
  latin: { allow: string[] };
}

/** A broken rule in one text: where, which rule, and the words that broke it. */
export interface StyleProblem {
  place: string; // e.g. 'dist/hi/index.html #since-then'
  rule: string; // e.g. 'glossary: write "हिंदी" (the Hindi language)'
  words: string; // e.g. 'हिन्दी'
}

/** A text a reader sees, with where it is and the language it is read in. */
export interface ReaderText {
  place: string;
  lang: Lang;
  text: string;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{M}\p{N}]/u.test(char);

/**
 * Where `needle` stands in `text` as whole words: not inside a longer word on either side. Case is ignored.
 * A needle of marks alone (e.g. 'ँ', chandrabindu) is found anywhere.
 */
export function findWhole(text: string, needle: string): number[] {
  const haystack = text.toLowerCase();
  const target = needle.toLowerCase();
  const marksOnly = /^\p{M}+$/u.test(target);
  const found: number[] = [];
  for (let at = haystack.indexOf(target); at !== -1; at = haystack.indexOf(target, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + target.length];
    const startsInWord = isWordChar(target[0]) && isWordChar(before);
    const endsInWord = isWordChar(target.at(-1)) && isWordChar(after);
    if (marksOnly || (!startsInWord && !endsInWord)) found.push(at);
  }
  return found;
}

/** The words around a place in a text, so a failure shows the offending words in their sentence. */
function around(text: string, at: number, length: number): string {
  const start = Math.max(0, at - 24);
  const end = Math.min(text.length, at + length + 24);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

/** Tokens that are addresses, e-mail addresses or file names: allowed in any language. */
function isAddressLike(token: string): boolean {
  return (
    /:\/\//.test(token) ||
    /[/=@?]/.test(token) ||
    /^[\w-]+(\.[\w-]+)+$/.test(token) // a host or a file name: example.org, e-sanjeevani-report.pdf
  );
}

/**
 * The Latin-script words in a Hindi text that are not on the allow-list (nor addresses or file names),
 * e.g. 'The Hawk' in 'स्रोत: The Hawk'. Text is split at spaces; within a piece, each run of Latin letters
 * is a word (a PDF's text may lose the space between words: 'PDFमें' holds the word 'PDF').
 */
export function latinWords(text: string, allow: readonly string[]): string[] {
  const allowed = new Set(allow.map((word) => word.toLowerCase()));
  const words: string[] = [];
  for (const raw of text.split(/\s+/)) {
    if (!/[A-Za-z]/.test(raw)) continue;
    // Strip the punctuation a sentence puts around a word: '(PDF,' -> 'PDF'.
    const token = raw.replace(/^[("'“‘[]+|[)"'”’\],;:।.!]+$/gu, '');
    if (isAddressLike(token) || allowed.has(token.toLowerCase())) continue;
    for (const run of token.match(/[A-Za-z][A-Za-z0-9.+_-]*[A-Za-z0-9+]|[A-Za-z]/g) ?? []) {
      if (!allowed.has(run.toLowerCase()) && !isAddressLike(run)) words.push(run);
    }
  }
  return words;
}

/** Every rule the text breaks, one problem per offending place. */
export function checkText(reader: ReaderText, glossary: Glossary): StyleProblem[] {
  const { text, lang, place } = reader;
  const problems: StyleProblem[] = [];
  for (const term of glossary.terms.filter((entry) => entry.lang === lang)) {
    for (const variant of term.forbid) {
      for (const at of findWhole(text, variant)) {
        problems.push({ place, rule: `glossary: write "${term.use}" (${term.concept})`, words: around(text, at, variant.length) });
      }
    }
  }
  for (const claim of glossary.claims.filter((entry) => entry.lang === lang)) {
    for (const at of findWhole(text, claim.phrase)) {
      problems.push({ place, rule: `unsupported claim: ${claim.why}`, words: around(text, at, claim.phrase.length) });
    }
  }
  if (lang === 'hi') {
    for (const word of latinWords(text, glossary.latin.allow)) {
      problems.push({ place, rule: 'Latin-script word in Hindi text (not on the allow-list in content/style/glossary.json)', words: word });
    }
    for (const match of text.matchAll(/,\s*और(?![\p{L}\p{M}])/gu)) {
      problems.push({ place, rule: 'no comma before "और" in a Hindi list', words: around(text, match.index, match[0].length) });
    }
  }
  return problems;
}

/** Checks many texts; the result lists every problem, in the order of the texts. */
export function checkTexts(texts: readonly ReaderText[], glossary: Glossary): StyleProblem[] {
  return texts.flatMap((text) => checkText(text, glossary));
}

/** A problem as the one line a failed test prints: 'dist/hi/index.html #data: rule: «words»'. */
export function formatStyleProblem(problem: StyleProblem): string {
  return `${problem.place}: ${problem.rule}: «${problem.words}»`;
}
