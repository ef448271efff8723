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
