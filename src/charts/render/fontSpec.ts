/**
 * Parsing of the CSS `font` shorthand as Chart.js writes it into `ctx.font`
 * (`[style] [weight] <size>px <family>`, see Chart.js `toFontString`).
 */
import { CHART_FONT_FAMILY } from './fonts.ts';

/** The parts of a canvas font string the renderer needs. */
export interface FontSpec {
  /** 'normal', 'italic' or 'oblique'. */
  style: string;
  /** Numeric weight, 400 for normal, 700 for bold. */
  weight: number;
  /** Size in CSS pixels. */
  size: number;
}

/** The canvas default font ("10px sans-serif"). */
export const DEFAULT_FONT: FontSpec = { style: 'normal', weight: 400, size: 10 };

const SIZE_RE = /(?:^|\s)(\d*\.?\d+(?:e[+-]?\d+)?)(px|pt)(?:\/\S+)?\s+(.+)$/i;

/**
 * Parses a CSS font shorthand. Returns `null` for strings a canvas would
 * reject (no size or no family), so the caller can keep the previous font as
 * a real CanvasRenderingContext2D does.
 */
export function parseFont(font: string): FontSpec | null {
  const m = SIZE_RE.exec(font.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  let size = Number(m[1]);
  if (m[2].toLowerCase() === 'pt') size = (size * 4) / 3;
  let style = 'normal';
  let weight = 400;
  const head = font.trim().slice(0, m.index).split(/\s+/).filter(Boolean);
  for (const token of head) {
    const t = token.toLowerCase();
    if (t === 'italic' || t === 'oblique') style = t;
    else if (t === 'bold' || t === 'bolder') weight = 700;
    else if (t === 'lighter') weight = 300;
    else if (/^\d{1,4}$/.test(t)) weight = Number(t);
    // 'normal', 'small-caps' and stretch keywords do not change the outcome.
  }
  return { style, weight, size };
}

/**
 * Builds the font string used with @napi-rs/canvas. The family is always the
 * bundled chart font, whatever family the chart config named: the SVG takes
 * its family from CSS, so measuring with anything else would make the PNG and
 * the SVG lay out differently.
 */
export function canvasFontString(spec: FontSpec): string {
  const style = spec.style === 'normal' ? '' : `${spec.style} `;
  return `${style}${spec.weight} ${spec.size}px "${CHART_FONT_FAMILY}"`;
}
