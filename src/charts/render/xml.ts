/** Small string helpers for writing deterministic, compact SVG markup. */

/**
 * Formats a number with at most `decimals` decimals and no trailing zeros.
 * Rounding keeps the SVG small and makes the output independent of
 * floating-point noise in the last bits (e.g. 10.000000000000002 → "10").
 */
export function fmt(n: number, decimals = 2): string {
  const p = 10 ** decimals;
  const r = Math.round(n * p) / p;
  // Object.is catches -0, which would otherwise print as "0" in some paths and "-0" in none,
  // but normalising it keeps two renders byte-identical regardless of sign noise.
  return Object.is(r, -0) ? '0' : String(r);
}

// XML 1.0 forbids most C0 control characters even when escaped; a canvas would draw
// nothing visible for them, so they are dropped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text content for an XML element. */
export function escapeText(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a value for a double-quoted XML attribute. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
