/**
 * Colour handling: canvas colour strings → SVG paint attributes or classes,
 * and `var(--name)` resolution against a palette.
 */
import { fmt } from './xml.ts';

/** Maps a CSS custom property name (without the leading `--`) to a fallback colour. */
export type Palette = Readonly<Record<string, string>>;

/**
 * A paint as the SVG writer needs it:
 * - `var`: a CSS custom property, written as a class whose rule in the SVG's
 *   `<style>` reads `var(--name, fallback)` (presentation attributes cannot hold var()).
 * - `plain`: a literal colour, written as a presentation attribute; `alpha` is
 *   split off so rgba()/#rrggbbaa become fill-opacity/stroke-opacity.
 */
export type Paint =
  | { kind: 'var'; name: string; fallback: string; alpha: number }
  | { kind: 'plain'; color: string; alpha: number };

const VAR_RE = /^var\(\s*--([A-Za-z0-9_-]+)\s*(?:,\s*(.*?)\s*)?\)$/s;
const VAR_ANYWHERE_RE = /var\(\s*--([A-Za-z0-9_-]+)\s*(?:,\s*([^()]*?)\s*)?\)/g;

/** Characters that could break out of a CSS declaration inside the SVG `<style>`. */
const UNSAFE_CSS = /[<>{};\\]/;

function paletteFallback(name: string, inline: string | undefined, palette: Palette): string {
  const value = Object.hasOwn(palette, name) ? palette[name] : inline;
  if (value === undefined || value === '') {
    throw new Error(
      `Colour var(--${name}) has no fallback: add "${name}" to the render palette or write var(--${name}, <colour>)`,
    );
  }
  if (UNSAFE_CSS.test(value)) throw new Error(`Unsafe fallback colour for --${name}: ${JSON.stringify(value)}`);
  return value.trim();
}

function hex2(n: number): string {
  return Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');
}

/** #rrggbb, shortened to #rgb when that loses nothing (smaller SVG). */
function toHex(r: number, g: number, b: number): string {
  const h = hex2(r) + hex2(g) + hex2(b);
  if (h[0] === h[1] && h[2] === h[3] && h[4] === h[5]) return `#${h[0]}${h[2]}${h[4]}`;
  return `#${h}`;
}

function channel(token: string): number {
  return token.endsWith('%') ? (parseFloat(token) * 255) / 100 : parseFloat(token);
}

function alphaOf(token: string | undefined): number {
  if (token === undefined) return 1;
  const a = token.endsWith('%') ? parseFloat(token) / 100 : parseFloat(token);
  return Number.isFinite(a) ? Math.max(0, Math.min(1, a)) : 1;
}

const RGB_RE = /^rgba?\(\s*([\d.]+%?)\s*[,\s]\s*([\d.]+%?)\s*[,\s]\s*([\d.]+%?)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/i;

/**
 * Parses a canvas colour string. Hex and rgb()/rgba() are normalised to a hex
 * colour plus alpha; other CSS colours (names, hsl()) pass through unchanged,
 * which SVG presentation attributes accept as well.
 */
export function parseColor(value: string, palette: Palette): Paint {
  const s = value.trim();
  const v = VAR_RE.exec(s);
  if (v && v[1] !== undefined) {
    return { kind: 'var', name: v[1], fallback: paletteFallback(v[1], v[2], palette), alpha: 1 };
  }
  const lower = s.toLowerCase();
  if (lower === 'transparent') return { kind: 'plain', color: '#000', alpha: 0 };
  if (/^#[0-9a-f]+$/.test(lower)) {
    const h = lower.slice(1);
    if (h.length === 3 || h.length === 4) {
      const [r, g, b, a] = [...h].map((c) => parseInt(c + c, 16));
      return { kind: 'plain', color: toHex(r ?? 0, g ?? 0, b ?? 0), alpha: a === undefined ? 1 : a / 255 };
    }
    if (h.length === 6 || h.length === 8) {
      const n = (i: number): number => parseInt(h.slice(i, i + 2), 16);
      return { kind: 'plain', color: toHex(n(0), n(2), n(4)), alpha: h.length === 8 ? n(6) / 255 : 1 };
    }
  }
  const m = RGB_RE.exec(s);
  if (m && m[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
    return { kind: 'plain', color: toHex(channel(m[1]), channel(m[2]), channel(m[3])), alpha: alphaOf(m[4]) };
  }
  return { kind: 'plain', color: s, alpha: 1 };
}

/** Formats an opacity for an SVG attribute (3 decimals are below what the eye can see). */
export function fmtOpacity(alpha: number): string {
  return fmt(alpha, 3);
}

/**
 * Replaces every `var(--name)` / `var(--name, fallback)` inside a string with
 * the palette colour (or the inline fallback). Used for the PNG, where no CSS exists.
 */
export function resolveVarsInString(value: string, palette: Palette): string {
  if (!value.includes('var(')) return value;
  return value.replace(VAR_ANYWHERE_RE, (_m, name: string, inline: string | undefined) =>
    paletteFallback(name, inline, palette),
  );
}
