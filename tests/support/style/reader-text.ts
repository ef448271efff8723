/**
 * The text a reader meets in a built page or SVG, as the style check (./check.ts) reads it: every text node
 * a browser shows or a screen reader speaks, and the attributes read out or shown (alt, title, aria-label,
 * tooltips, share descriptions), each with the language it is read in and where it is. Code a journalist
 * copies (<code>, <pre>, <textarea>) and scripts and styles are not reader text. Parsed with parse5, as a
 * browser parses.
 */
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { Lang } from '../../../src/format/format.ts';
import type { ReaderText } from './check.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements whose content is not text for a reader. */
const NOT_READER_TEXT = new Set(['script', 'style', 'template', 'code', 'pre', 'textarea']);
/** Attributes a reader sees or hears: alt text, tooltips, accessible names, the chart tooltips the build writes. */
const READ_ATTRIBUTES = ['alt', 'title', 'aria-label', 'placeholder', 'data-tip'];
/** Meta tags whose content is shown when the page is shared or listed. */
const READ_META = new Set(['description', 'og:title', 'og:description', 'og:image:alt', 'twitter:title', 'twitter:description', 'twitter:image:alt']);

const attribute = (element: Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value;
const isLang = (value: string | undefined): value is Lang => value === 'hi' || value === 'en';

/**
 * The reader texts of an HTML document or fragment, e.g. [{ place: 'dist/hi/index.html #since-then', lang: 'hi', text: '…' }].
 * `place` names the file; the nearest id is added so a failure points into the page. `fallbackLang` is the
 * language of a fragment with no lang attribute (an SVG file).
 */
export function readerTexts(html: string, file: string, fallbackLang: Lang): ReaderText[] {
  const root: Node = /^\s*(<!doctype|<html)/i.test(html) ? parse(html) : parseFragment(html);
  const texts: ReaderText[] = [];
  const visit = (node: Node, lang: Lang, where: string) => {
    if (node.nodeName === '#text' && 'value' in node) {
      if (node.value.trim()) texts.push({ place: `${file}${where}`, lang, text: node.value });
      return;
    }
    if (!('tagName' in node)) {
      if ('childNodes' in node) for (const child of node.childNodes) visit(child, lang, where);
      return;
    }
    const element = node as Element;
    if (NOT_READER_TEXT.has(element.tagName)) return;
    const ownLang = attribute(element, 'lang');
    const here = isLang(ownLang) ? ownLang : lang;
    const id = attribute(element, 'id');
    const inside = id ? ` #${id}` : where;
    for (const name of READ_ATTRIBUTES) {
      const value = attribute(element, name);
      if (value?.trim()) texts.push({ place: `${file}${inside} [${name}]`, lang: here, text: value });
    }
    if (element.tagName === 'meta') {
      const key = attribute(element, 'name') ?? attribute(element, 'property');
      const content = attribute(element, 'content');
      if (key && READ_META.has(key) && content?.trim()) texts.push({ place: `${file} <meta ${key}>`, lang: here, text: content });
    }
    const children = element.tagName === 'template' ? [] : element.childNodes;
    for (const child of children) visit(child, here, inside);
  };
  visit(root, fallbackLang, '');
  return texts;
}

/** The texts of a Hindi page that are in Hindi: what the Hindi rules apply to (a link to the English page is English). */
export function textsIn(texts: readonly ReaderText[], lang: Lang): ReaderText[] {
  return texts.filter((text) => text.lang === lang);
}
