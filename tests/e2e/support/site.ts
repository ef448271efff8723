import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The built site the tests run against (the same folder the web server serves). */
export const SITE_DIR = process.env.OUT_DIR ?? 'dist';

/** Every file below `dir`, as paths relative to it, in a stable order. */
export function filesIn(dir: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder)
      .sort()
      .flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
  return walk(dir).map((path) => relative(dir, path).split(sep).join('/'));
}

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
