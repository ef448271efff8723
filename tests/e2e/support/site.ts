import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { filesUnder as filesIn } from '../../../scripts/site-files.ts';

/** The built site the tests run against (the same folder the web server serves). */
export const SITE_DIR = process.env.OUT_DIR ?? 'dist';

/** Every file below `dir`, as '/'-separated paths relative to it: the build's own walker. */
export { filesIn };

/** Every HTML page of the built site as the URL path a reader opens, e.g. '/hi/embed/states-total/'. */
export function sitePages(): string[] {
  return filesIn(SITE_DIR)
    .filter((file) => file.endsWith('.html') && file !== '404.html')
    .map((file) => `/${file.replace(/index\.html$/, '')}`);
}

/** The origin the pages' own links are resolved against when read from disk (any origin would do). */
export const SITE_ORIGIN = 'http://site.invalid';

/** Every <a href> in a page's markup, as written, e.g. ['/hi/#states', 'https://…']. */
export function hrefsIn(html: string): string[] {
  const found: string[] = [];
  const visit = (node: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in node && node.tagName === 'a') {
      const href = node.attrs.find((attribute) => attribute.name === 'href')?.value;
      if (href !== undefined) found.push(href);
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
    if ('content' in node) visit(node.content);
  };
  visit(parse(html));
  return found;
}
