import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { expect, test } from 'vitest';

/**
 * A host that installs only `dependencies` (npm ci --omit=dev) must be able to build: every package the
 * build imports (src/, scripts/ apart from the benchmark, astro.config.mjs) is declared there.
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|js|astro)$/.test(name) ? [path] : [];
  });
}

/** 'd3-format/locale/en-IN' -> 'd3-format'; '@astrojs/mdx' -> '@astrojs/mdx'. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

test('every package the build imports is a dependency, not a devDependency', () => {
  const files = [...sourceFiles('src'), ...sourceFiles('scripts').filter((file) => !/bench/.test(file)), 'astro.config.mjs'];
  const imported = new Map<string, string>();
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^import\s+)['"]([^'"./][^'"]*)['"]/gm)) {
      const specifier = match[1]!;
      if (specifier.startsWith('node:') || specifier.startsWith('astro:') || builtinModules.includes(specifier)) continue;
      imported.set(packageOf(specifier), file);
    }
  }
  expect(imported.size).toBeGreaterThan(8);
  const undeclared = [...imported].filter(([name]) => !(name in pkg.dependencies)).map(([name, file]) => `${name} (imported by ${file})`);
  expect(undeclared).toEqual([]);
  expect([...imported.keys()]).toContain('playwright-core');
});
