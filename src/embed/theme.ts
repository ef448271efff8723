/**
 * The embed's colours, taken from the report's own style sheet (src/styles/base.css) so the two never
 * drift: its light `:root` custom properties, and the dark ones from its `prefers-color-scheme: dark`
 * block. The embed adds one thing the report has no need for: a host page can force either theme
 * with ?theme=light or ?theme=dark (the embed's head script sets `data-theme` on <html> from it).
 */

/** Custom property declarations (`--name: value`) in a block of CSS. */
function declarations(block: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of block.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/g)) found.set(match[1] as string, (match[2] as string).trim());
  return found;
}

/** The body of the first block `pattern` opens (its `{ ... }`, with no nested braces inside). */
function blockAfter(css: string, pattern: RegExp): string {
  const match = pattern.exec(css);
  if (!match) throw new Error(`Embed theme: ${pattern} not found in src/styles/base.css`);
  const open = css.indexOf('{', match.index + match[0].length - 1);
  const close = css.indexOf('}', open);
  return css.slice(open + 1, close);
}

/** The colour properties the embed uses; the build stops if base.css no longer defines one of them. */
const NEEDED = ['--bg', '--text', '--muted', '--rule', '--accent', '--link', '--font-body'];

/** CSS for the embed's colours: automatic dark mode, and `data-theme` forcing either theme. */
export function embedThemeCss(baseCss: string): string {
  const css = baseCss.replace(/\/\*[\s\S]*?\*\//g, '');
  const light = declarations(blockAfter(css, /(^|\n):root\s*\{/));
  const darkMedia = /@media\s*\(\s*prefers-color-scheme:\s*dark\s*\)\s*\{\s*:root\s*\{/.exec(css);
  if (!darkMedia) throw new Error('Embed theme: no `@media (prefers-color-scheme: dark) { :root { ... } }` in src/styles/base.css');
  const dark = declarations(css.slice(darkMedia.index + darkMedia[0].length, css.indexOf('}', darkMedia.index + darkMedia[0].length)));
  const missing = NEEDED.filter((name) => !light.has(name)).concat([...dark.keys()].filter((name) => !light.has(name)));
  if (missing.length > 0) throw new Error(`Embed theme: src/styles/base.css lacks ${missing.join(', ')}`);
  // Only colours and the font: the report's other properties (measure, ...) are not the embed's.
  const keep = (props: Map<string, string>) =>
    [...props].filter(([name]) => NEEDED.includes(name) || name.startsWith('--chart-')).map(([name, value]) => `${name}:${value}`).join(';');
  return [
    `:root{${keep(light)};color-scheme:light dark}`,
    `:root[data-theme=light]{color-scheme:light}`,
    `@media (prefers-color-scheme:dark){:root:not([data-theme=light]){${keep(dark)}}}`,
    `:root[data-theme=dark]{${keep(dark)};color-scheme:dark}`,
  ].join('\n');
}
