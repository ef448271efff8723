/**
 * The embed page's vertical layout, in CSS pixels, and what follows from it: the page's height at a
 * given width, worked out at build time, so the plain iframe snippet (the one with no script) can
 * carry a height that shows the whole chart.
 *
 * The numbers live here once: `embedLayoutCss()` writes the CSS rules that depend on them (inlined by
 * src/layouts/EmbedLayout.astro), and `embedHeight()` adds them up. Text is wrapped as the browser
 * does, at spaces, measured with the report's own font (the charts' text metrics), so the estimate
 * holds for Hindi and English alike; the e2e tests compare it with the real page.
 */
import { WIDTHS } from '../charts/build.ts';
import { measureText } from '../charts/render/textMetrics.ts';

export const LAYOUT = {
  /** Padding of the page's content box: top, sides, bottom. */
  padTop: 12,
  padSide: 12,
  padBottom: 12,
  /** The widest the content gets: the wide drawing at its own size. */
  maxContent: WIDTHS.wide,
  title: { size: 18, line: 28, weight: 700, below: 4 },
  takeaway: { size: 15, line: 24, weight: 400, below: 8 },
  foot: { size: 13, line: 20, weight: 400, above: 8 },
  /** From charts.css: the narrow drawing up to this content width, shown at most this wide. */
  wideFrom: 560,
  narrowMax: 460,
} as const;

/** The rules the height estimate depends on. */
export function embedLayoutCss(): string {
  const { padTop, padSide, padBottom, maxContent, title, takeaway, foot } = LAYOUT;
  const text = (spec: { size: number; line: number; weight: number }) => `font-size:${spec.size}px;line-height:${spec.line}px;font-weight:${spec.weight}`;
  return [
    `.embed{max-width:${maxContent + 2 * padSide}px;margin:0 auto;padding:${padTop}px ${padSide}px ${padBottom}px}`,
    `.embed .chart{margin:0}`,
    `.embed .chart-title{${text(title)};margin:0 0 ${title.below}px}`,
    `.embed .chart-takeaway{${text(takeaway)};margin:0 0 ${takeaway.below}px}`,
    `.embed .embed-foot{${text(foot)};margin:${foot.above}px 0 0}`,
  ].join('\n');
}

/** How many lines `text` takes in a box `width` px wide: broken at spaces (a no-break space holds). */
export function lineCount(text: string, width: number, spec: { size: number; weight: number }): number {
  const measure = (line: string) => measureText({ style: 'normal', weight: spec.weight, size: spec.size }, line).width;
  let lines = 1;
  let line = '';
  for (const word of text.trim().split(/ +/)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && measure(longer) > width) {
      lines += 1;
      line = word;
    } else {
      line = longer;
    }
  }
  return lines;
}

/** What an embed page shows, as text, and the size of its drawings (the chart's height at each drawing width). */
export interface EmbedText {
  title: string;
  takeaway: string;
  /** Each paragraph under the chart. */
  foot: string[];
  /** Height of the drawing at its own width: narrow and wide. */
  drawing: { narrow: number; wide: number };
}

/** The embed page's height in an iframe `frameWidth` px wide. */
export function embedHeight(text: EmbedText, frameWidth: number): number {
  const { padTop, padSide, padBottom, maxContent, title, takeaway, foot, wideFrom, narrowMax } = LAYOUT;
  const content = Math.min(frameWidth - 2 * padSide, maxContent);
  const drawing =
    content >= wideFrom
      ? (text.drawing.wide * Math.min(content, WIDTHS.wide)) / WIDTHS.wide
      : (text.drawing.narrow * Math.min(content, narrowMax)) / WIDTHS.narrow;
  const lines = (value: string, spec: { size: number; weight: number; line: number }) => lineCount(value, content, spec) * spec.line;
  return (
    padTop +
    lines(text.title, title) +
    title.below +
    lines(text.takeaway, takeaway) +
    takeaway.below +
    drawing +
    foot.above +
    text.foot.reduce((sum, paragraph) => sum + lines(paragraph, foot), 0) +
    padBottom
  );
}

/** Iframe widths the plain snippet's height must suit: a small phone to a full-width desktop embed. */
export const COMMON_WIDTHS = Array.from({ length: (1280 - 300) / 10 + 1 }, (_, index) => 300 + index * 10);

/**
 * The fixed height of the plain snippet: the tallest the page gets at any common width, and a few
 * pixels to spare for rounding, so an iframe with no script never cuts the chart off.
 */
export function plainHeight(text: EmbedText): number {
  return Math.ceil(Math.max(...COMMON_WIDTHS.map((width) => embedHeight(text, width))) + 8);
}
