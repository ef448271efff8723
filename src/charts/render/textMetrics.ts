/**
 * Text measurement with @napi-rs/canvas and the bundled chart font, shared by
 * the SVG context so that its layout equals the PNG rendered by Skia.
 */
import { createCanvas, type SKRSContext2D, type TextMetrics } from '@napi-rs/canvas';
import { CANVAS_LANG, registerChartFonts } from './fonts.ts';
import { canvasFontString, type FontSpec } from './fontSpec.ts';

/** Vertical font metrics (CSS px, positive values) for one font. */
export interface VerticalMetrics {
  /** Font ascent above the alphabetic baseline (hhea/OS2, as Skia reports it). */
  ascent: number;
  /** Font descent below the alphabetic baseline. */
  descent: number;
  /** Ascent of the normalised em box (ascent / (ascent + descent) · size). */
  emAscent: number;
  /** Descent of the normalised em box. */
  emDescent: number;
  /** Hanging baseline above the alphabetic baseline. */
  hanging: number;
}

let measureCtx: SKRSContext2D | null = null;
let currentFont = '';
const verticalCache = new Map<string, VerticalMetrics>();

function context(font: string): SKRSContext2D {
  if (!measureCtx) {
    registerChartFonts();
    // A 1×1 canvas is enough: measuring never rasterises.
    measureCtx = createCanvas(1, 1).getContext('2d');
    measureCtx.textBaseline = 'alphabetic';
    measureCtx.textAlign = 'left';
    measureCtx.lang = CANVAS_LANG;
  }
  // Setting ctx.font re-parses the string in Skia; skip when unchanged (Chart.js
  // measures many labels in a row with one font).
  if (font !== currentFont) {
    measureCtx.font = font;
    currentFont = font;
  }
  return measureCtx;
}

/** Measures `text` exactly as the PNG renderer would draw it. */
export function measureText(spec: FontSpec, text: string): TextMetrics {
  return context(canvasFontString(spec)).measureText(text);
}

/** Vertical metrics of the chart font at the given style, weight and size (cached). */
export function verticalMetrics(spec: FontSpec): VerticalMetrics {
  const font = canvasFontString(spec);
  let v = verticalCache.get(font);
  if (!v) {
    // With textBaseline 'alphabetic' every TextMetrics field is relative to the
    // alphabetic baseline, which is what SVG <text y> means.
    const m = context(font).measureText('');
    v = {
      ascent: m.fontBoundingBoxAscent,
      descent: m.fontBoundingBoxDescent,
      emAscent: m.emHeightAscent,
      emDescent: m.emHeightDescent,
      hanging: Number.isFinite(m.hangingBaseline) ? m.hangingBaseline : 0.8 * m.fontBoundingBoxAscent,
    };
    verticalCache.set(font, v);
  }
  return v;
}

/**
 * Distance to add to a canvas text y to reach the alphabetic baseline, for a
 * given `textBaseline`. This mirrors the HTML canvas definition (em box for
 * top/middle/bottom, font descent for ideographic), which is what Skia does,
 * and avoids SVG `dominant-baseline`, whose 'hanging' and 'middle' depend on
 * the browser and are wrong for Devanagari (the headline sits below the
 * hanging baseline browsers compute).
 */
export function baselineShift(spec: FontSpec, textBaseline: string): number {
  if (textBaseline === 'alphabetic') return 0;
  const v = verticalMetrics(spec);
  switch (textBaseline) {
    case 'top':
      return v.emAscent;
    case 'middle':
      return (v.emAscent - v.emDescent) / 2;
    case 'bottom':
      return -v.emDescent;
    case 'hanging':
      return v.hanging;
    case 'ideographic':
      return -v.descent;
    default:
      return 0;
  }
}
