/**
 * The chart colours as plain values, for the places where CSS custom properties do not exist:
 * the PNG (Skia cannot read `var()`), and the fallback inside each SVG's own style sheet (a
 * standalone .svg, an embed, a newsletter). These are exactly the light-mode values of the
 * `--chart-*` properties in src/styles/base.css; a unit test parses that file and compares, so
 * changing a colour means changing both.
 *
 * Keys are the custom property names without the leading `--`, which is what the renderer's
 * palette expects (`var(--chart-hwc)` -> `palette['chart-hwc']`).
 */
export const CHART_PALETTE = {
  /** Labels and values. */
  'chart-text': '#1d1d1b',
  /** Axis ticks and secondary text. */
  'chart-muted': '#55534e',
  /** Grid lines and axis rules. */
  'chart-grid': '#d9d5cc',
  /** AB-HWC (doctor to doctor): dark blue, the darker half of the base pair. */
  'chart-hwc': '#005a87',
  /** OPD (patient to doctor): light orange, the lighter half; the pair stays apart in greyscale and for colour-blind readers. */
  'chart-opd': '#e69f00',
  /** Text drawn on an AB-HWC bar. */
  'chart-on-hwc': '#ffffff',
  /** Text drawn on an OPD bar. */
  'chart-on-opd': '#1d1d1b',
  /** An ordinary bar (a state). */
  'chart-bar': '#7a8c99',
  /** The bar the story is about (Madhya Pradesh): darker than an ordinary bar, so it stands out in greyscale too. */
  'chart-highlight': '#b3400b',
  /** The remainder (rest of India): lighter than an ordinary bar. */
  'chart-rest': '#b9b4aa',
  /** The ground a PNG or a standalone SVG is painted on (the page background). */
  'chart-bg': '#fdfcf9',
  /**
   * The map's four classes, lowest first: a sequential scale along viridis (colour-blind safe, and its
   * lightness alone orders it in greyscale). On the light page higher is darker; the dark page turns it round
   * (higher is lighter). Each class stands 3:1 from the page, and its text colour (chart-on-map-N) 4.5:1 from it;
   * a unit test checks both in either mode.
   */
  'chart-map-1': '#219c88',
  'chart-map-2': '#306b8d',
  'chart-map-3': '#433c82',
  'chart-map-4': '#440154',
  /** Tile labels on each class. */
  'chart-on-map-1': '#1d1d1b',
  'chart-on-map-2': '#ffffff',
  'chart-on-map-3': '#ffffff',
  'chart-on-map-4': '#ffffff',
  /** A tile without a value (a state not in the source's list): a pale neutral, never a class colour ... */
  'chart-nodata': '#eeebe4',
  /** ... hatched and outlined in this, which stands 3:1 from the page and keeps the tile's label (chart-text) 4.5:1. */
  'chart-nodata-line': '#8a867e',
} as const satisfies Record<string, string>;

/** A chart colour by name, as a config writes it: `chartColor('chart-hwc')` -> 'var(--chart-hwc)'. */
export type ChartColor = keyof typeof CHART_PALETTE;

/** The CSS reference a config uses, so the inline SVG and the browser's canvas follow dark mode. */
export function cssVar(name: ChartColor): string {
  return `var(--${name})`;
}
