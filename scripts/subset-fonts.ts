/**
 * Shrinks the self-hosted font files to the characters the built site uses. HarfBuzz's subsetter keeps
 * the layout (GSUB/GPOS) closure of those characters, so conjuncts and vowel signs still shape; the
 * files keep their names, so the CSS that points at them needs no change.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import subsetFont from 'subset-font';

const TEXT_FILES = new Set(['.html', '.svg', '.json', '.csv', '.js']);

/** Every file below `dir`, deepest last, in a stable order. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesBelow(path) : [path];
    });
}

/** The characters the site shows: everything in its text files, sorted so the subset is the same every build. */
export function charactersUsed(siteDir: string): string {
  const characters = new Set<string>();
  for (const file of filesBelow(siteDir)) {
    if (!TEXT_FILES.has(extname(file))) continue;
    for (const character of readFileSync(file, 'utf8')) characters.add(character);
  }
  // The browser draws these too: list markers, the ellipsis of clipped labels, the no-break space.
  for (const character of '0123456789.,%+~–—…\u00A0') characters.add(character);
  return [...characters].sort().join('');
}

/** Subsets every woff2 font in the site to the characters it uses; returns the bytes before and after. */
export async function subsetFonts(siteDir: string): Promise<{ before: number; after: number; files: number }> {
  const text = charactersUsed(siteDir);
  const fonts = filesBelow(siteDir).filter((file) => file.endsWith('.woff2'));
  let before = 0;
  let after = 0;
  for (const file of fonts) {
    const original = readFileSync(file);
    const subset = await subsetFont(original, text, { targetFormat: 'woff2' });
    before += original.length;
    after += subset.length;
    writeFileSync(file, subset);
  }
  return { before, after, files: fonts.length };
}
