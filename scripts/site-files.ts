import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file below `dir`, as '/'-separated paths relative to it, in a stable order: ['404.html', 'hi/index.html', …]. */
export function filesUnder(dir: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder)
      .sort()
      .flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? walk(path) : [path];
      });
  return walk(dir).map((path) => relative(dir, path).split(sep).join('/'));
}
