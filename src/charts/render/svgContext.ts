/**
 * A recording stand-in for CanvasRenderingContext2D that turns the calls
 * Chart.js 4 makes (bar, line, scatter, doughnut/pie charts with scales,
 * legend and title) into SVG elements.
 *
 * Design choices, and why:
 * - Text stays text: each fillText() becomes one `<text>` with the whole
 *   string, so the browser shapes Devanagari conjuncts and matras itself
 *   (splitting per glyph or outlining would break shaping, search and copy).
 * - Text is measured with @napi-rs/canvas and the same registered font the PNG
 *   uses, so Chart.js lays out the SVG exactly like the PNG.
 * - Baselines are resolved here to an alphabetic y (see textMetrics.ts)
 *   instead of SVG dominant-baseline, which browsers implement inconsistently.
 * - Paths are stored in device coordinates (transformed when recorded, as a
 *   canvas does) and written with 2-decimal rounding: small and deterministic.
 */
import type { TextMetrics } from '@napi-rs/canvas';
import { fmtOpacity, parseColor, type Palette } from './color.ts';
import { DEFAULT_FONT, parseFont, type FontSpec } from './fontSpec.ts';
import { IDENTITY, apply, isTranslation, meanScale, multiply, similarity, type Matrix } from './matrix.ts';
import { PathRecorder, extendBox, type Box } from './path.ts';
import { writeSvg, type Attr, type ElementNode, type SvgNode } from './svgWriter.ts';
import { baselineShift, measureText, verticalMetrics } from './textMetrics.ts';
import { escapeText, fmt } from './xml.ts';

type LineCap = 'butt' | 'round' | 'square';
type LineJoin = 'miter' | 'round' | 'bevel';
type TextAlign = 'start' | 'end' | 'left' | 'right' | 'center';
type TextBaseline = 'alphabetic' | 'top' | 'middle' | 'bottom' | 'hanging' | 'ideographic';

const LINE_CAPS: readonly string[] = ['butt', 'round', 'square'];
const LINE_JOINS: readonly string[] = ['miter', 'round', 'bevel'];
const TEXT_ALIGNS: readonly string[] = ['start', 'end', 'left', 'right', 'center'];
const TEXT_BASELINES: readonly string[] = ['alphabetic', 'top', 'middle', 'bottom', 'hanging', 'ideographic'];

/** The drawing state that save()/restore() keep, as in the canvas spec. */
interface State {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineCap: LineCap;
  lineJoin: LineJoin;
  miterLimit: number;
  lineDash: number[];
  lineDashOffset: number;
  font: string;
  fontSpec: FontSpec;
  textAlign: TextAlign;
  textBaseline: TextBaseline;
  globalAlpha: number;
  matrix: Matrix;
  /** Clip groups opened since the matching save(); restore() closes them. */
  clips: number;
}

/** The minimum a canvas object needs for Chart.js with BasicPlatform. */
export interface CanvasLike {
  width: number;
  height: number;
  style?: Record<string, string>;
}

/** Options for {@link SvgContext.toSvg}. */
export interface SvgOutputOptions {
  /** viewBox width (CSS px). */
  width: number;
  /** viewBox height (CSS px). */
  height: number;
  /** Accessible name: adds role="img" and aria-label. */
  label?: string | undefined;
  /** Prefix for clip-path ids (default: a content hash). */
  idPrefix?: string | undefined;
}

interface Paint {
  classes: string[];
  attrs: Attr[];
}

function finite(...values: number[]): boolean {
  return values.every(Number.isFinite);
}

function textAnchor(align: TextAlign): string | null {
  // Left-to-right only: the report never sets `direction: 'rtl'`.
  if (align === 'center') return 'middle';
  if (align === 'right' || align === 'end') return 'end';
  return null; // 'start' is the SVG default
}

function grow(box: Box | null, by: number): Box | null {
  return box && { x0: box.x0 - by, y0: box.y0 - by, x1: box.x1 + by, y1: box.y1 + by };
}

/**
 * Records Chart.js drawing calls as SVG. Create one per chart, pass it to
 * Chart.js through a fake canvas whose getContext() returns it, then call
 * {@link SvgContext.toSvg}.
 *
 * Faked or ignored parts of the canvas API (Chart.js does not need them for the
 * supported chart types): gradients and patterns throw; drawImage() (image point
 * styles) and clearRect() record nothing; shadows, compositing, filters and
 * image smoothing are accepted and ignored; Path2D arguments throw; text
 * direction is always left-to-right.
 */
export class SvgContext {
  /** Back-reference Chart.js reads as `ctx.canvas`. */
  canvas: CanvasLike;

  // Accepted so that code setting them does not fail, but not rendered (see class doc).
  globalCompositeOperation = 'source-over';
  shadowBlur = 0;
  shadowColor = 'rgba(0, 0, 0, 0)';
  shadowOffsetX = 0;
  shadowOffsetY = 0;
  imageSmoothingEnabled = true;
  imageSmoothingQuality = 'low';
  filter = 'none';
  direction = 'ltr';
  fontKerning = 'auto';
  letterSpacing = '0px';
  wordSpacing = '0px';
  lang = 'inherit';

  private readonly palette: Palette;
  private state: State = {
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    miterLimit: 10,
    lineDash: [],
    lineDashOffset: 0,
    font: '10px sans-serif',
    fontSpec: DEFAULT_FONT,
    textAlign: 'start',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    matrix: IDENTITY,
    clips: 0,
  };
  private readonly stack: State[] = [];
  private readonly path = new PathRecorder();
  private readonly root: SvgNode[] = [];
  /** Innermost open clip group's children (or the root): where new elements go. */
  private readonly containers: SvgNode[][] = [this.root];
  private readonly classRules = new Map<string, string>();
  /** The last fill-only path, so that an immediate stroke() of the same path merges into it. */
  private lastFill: { node: ElementNode; d: string; joins: boolean } | null = null;

  /**
   * @param canvas the object Chart.js sees as the canvas (for `ctx.canvas`).
   * @param palette fallbacks for `var(--name)` colours.
   */
  constructor(canvas: CanvasLike, palette: Palette) {
    this.canvas = canvas;
    this.palette = palette;
  }

  // ---- state -------------------------------------------------------------

  /** Pushes the drawing state. */
  save(): void {
    this.stack.push(this.state);
    this.state = { ...this.state, lineDash: [...this.state.lineDash], clips: 0 };
  }

  /** Pops the drawing state and closes the clip groups opened since the matching save(). */
  restore(): void {
    const prev = this.stack.pop();
    if (!prev) return;
    for (let i = 0; i < this.state.clips; i++) this.containers.pop();
    this.state = prev;
    this.lastFill = null;
  }

  get fillStyle(): string {
    return this.state.fillStyle;
  }
  set fillStyle(value: unknown) {
    this.state.fillStyle = this.checkColor(value, 'fillStyle');
  }

  get strokeStyle(): string {
    return this.state.strokeStyle;
  }
  set strokeStyle(value: unknown) {
    this.state.strokeStyle = this.checkColor(value, 'strokeStyle');
  }

  get lineWidth(): number {
    return this.state.lineWidth;
  }
  set lineWidth(value: number) {
    // Canvas ignores zero, negative and non-finite widths.
    if (Number.isFinite(value) && value > 0) this.state.lineWidth = value;
  }

  get lineCap(): LineCap {
    return this.state.lineCap;
  }
  set lineCap(value: string) {
    if (LINE_CAPS.includes(value)) this.state.lineCap = value as LineCap;
  }

  get lineJoin(): LineJoin {
    return this.state.lineJoin;
  }
  set lineJoin(value: string) {
    if (LINE_JOINS.includes(value)) this.state.lineJoin = value as LineJoin;
  }

  get miterLimit(): number {
    return this.state.miterLimit;
  }
  set miterLimit(value: number) {
    if (Number.isFinite(value) && value > 0) this.state.miterLimit = value;
  }

  get lineDashOffset(): number {
    return this.state.lineDashOffset;
  }
  set lineDashOffset(value: number) {
    if (Number.isFinite(value)) this.state.lineDashOffset = value;
  }

  /** Sets the dash pattern; odd-length lists are doubled, invalid lists ignored (canvas spec). */
  setLineDash(segments: readonly number[]): void {
    if (!segments.every((v) => Number.isFinite(v) && v >= 0)) return;
    this.state.lineDash = segments.length % 2 ? [...segments, ...segments] : [...segments];
  }

  /** Returns a copy of the dash pattern. */
  getLineDash(): number[] {
    return [...this.state.lineDash];
  }

  get font(): string {
    return this.state.font;
  }
  set font(value: string) {
    const spec = parseFont(String(value));
    if (!spec) return; // Invalid font strings are ignored, as by a canvas.
    this.state.font = String(value);
    this.state.fontSpec = spec;
  }

  get textAlign(): TextAlign {
    return this.state.textAlign;
  }
  set textAlign(value: string) {
    if (TEXT_ALIGNS.includes(value)) this.state.textAlign = value as TextAlign;
  }

  get textBaseline(): TextBaseline {
    return this.state.textBaseline;
  }
  set textBaseline(value: string) {
    if (TEXT_BASELINES.includes(value)) this.state.textBaseline = value as TextBaseline;
  }

  get globalAlpha(): number {
    return this.state.globalAlpha;
  }
  set globalAlpha(value: number) {
    if (Number.isFinite(value) && value >= 0 && value <= 1) this.state.globalAlpha = value;
  }

  // ---- transforms --------------------------------------------------------

  /** Replaces the current transform (numbers or a DOMMatrix2DInit-like object; no argument = identity). */
  setTransform(a?: number | Partial<Matrix>, b?: number, c?: number, d?: number, e?: number, f?: number): void {
    let m: Matrix;
    if (typeof a === 'number') {
      m = { a, b: b ?? NaN, c: c ?? NaN, d: d ?? NaN, e: e ?? NaN, f: f ?? NaN };
    } else {
      const o = a ?? {};
      m = { a: o.a ?? 1, b: o.b ?? 0, c: o.c ?? 0, d: o.d ?? 1, e: o.e ?? 0, f: o.f ?? 0 };
    }
    if (finite(m.a, m.b, m.c, m.d, m.e, m.f)) this.state.matrix = m;
  }

  /** Resets the transform to identity. */
  resetTransform(): void {
    this.state.matrix = IDENTITY;
  }

  /** Returns the current transform. */
  getTransform(): Matrix {
    return { ...this.state.matrix };
  }

  /** Multiplies the current transform by the given one. */
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    if (finite(a, b, c, d, e, f)) this.state.matrix = multiply(this.state.matrix, { a, b, c, d, e, f });
  }

  /** Adds a translation. */
  translate(x: number, y: number): void {
    this.transform(1, 0, 0, 1, x, y);
  }

  /** Adds a scale. */
  scale(x: number, y: number): void {
    this.transform(x, 0, 0, y, 0, 0);
  }

  /** Adds a rotation (radians, clockwise on screen). */
  rotate(angle: number): void {
    if (!Number.isFinite(angle)) return;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    this.transform(cos, sin, -sin, cos, 0, 0);
  }

  // ---- paths -------------------------------------------------------------

  /** Starts a new path. */
  beginPath(): void {
    this.path.reset();
  }

  /** Starts a subpath. */
  moveTo(x: number, y: number): void {
    this.path.moveTo(this.state.matrix, x, y);
  }

  /** Adds a line. */
  lineTo(x: number, y: number): void {
    this.path.lineTo(this.state.matrix, x, y);
  }

  /** Adds a closed rectangle. */
  rect(x: number, y: number, w: number, h: number): void {
    this.path.rect(this.state.matrix, x, y, w, h);
  }

  /** Adds a rounded rectangle (single radius or [r] only; Chart.js builds its own rounded paths). */
  roundRect(x: number, y: number, w: number, h: number, radii?: number | readonly number[]): void {
    const r0 = typeof radii === 'number' ? radii : (radii?.[0] ?? 0);
    const r = Math.max(0, Math.min(r0, Math.abs(w) / 2, Math.abs(h) / 2));
    if (r === 0) {
      this.rect(x, y, w, h);
      return;
    }
    this.moveTo(x + r, y);
    this.arcTo(x + w, y, x + w, y + h, r);
    this.arcTo(x + w, y + h, x, y + h, r);
    this.arcTo(x, y + h, x, y, r);
    this.arcTo(x, y, x + w, y, r);
    this.closePath();
  }

  /** Adds a circular arc. */
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number, anticlockwise = false): void {
    this.path.ellipse(this.state.matrix, x, y, radius, radius, 0, startAngle, endAngle, anticlockwise);
  }

  /** Adds an elliptical arc. */
  ellipse(
    x: number,
    y: number,
    radiusX: number,
    radiusY: number,
    rotation: number,
    startAngle: number,
    endAngle: number,
    anticlockwise = false,
  ): void {
    this.path.ellipse(this.state.matrix, x, y, radiusX, radiusY, rotation, startAngle, endAngle, anticlockwise);
  }

  /** Adds an arc tangent to two lines. */
  arcTo(x1: number, y1: number, x2: number, y2: number, radius: number): void {
    this.path.arcTo(this.state.matrix, x1, y1, x2, y2, radius);
  }

  /** Adds a quadratic Bézier curve. */
  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void {
    this.path.quadraticCurveTo(this.state.matrix, cpx, cpy, x, y);
  }

  /** Adds a cubic Bézier curve. */
  bezierCurveTo(cp1x: number, cp1y: number, cp2x: number, cp2y: number, x: number, y: number): void {
    this.path.bezierCurveTo(this.state.matrix, cp1x, cp1y, cp2x, cp2y, x, y);
  }

  /** Closes the current subpath. */
  closePath(): void {
    this.path.closePath();
  }

  // ---- drawing -----------------------------------------------------------

  /** Fills the current path (`fillRule` 'nonzero' or 'evenodd'). */
  fill(fillRule?: unknown): void {
    if (fillRule !== undefined && typeof fillRule !== 'string') {
      throw new Error('SvgContext.fill: Path2D arguments are not supported');
    }
    this.fillPath(this.path, fillRule === 'evenodd');
  }

  /** Strokes the current path. */
  stroke(path?: unknown): void {
    if (path !== undefined) throw new Error('SvgContext.stroke: Path2D arguments are not supported');
    this.strokePath(this.path);
  }

  /** Fills a rectangle without touching the current path. */
  fillRect(x: number, y: number, w: number, h: number): void {
    if (!finite(x, y, w, h) || w === 0 || h === 0) return;
    const p = new PathRecorder();
    p.rect(this.state.matrix, x, y, w, h);
    this.fillPath(p, false);
  }

  /** Strokes a rectangle without touching the current path. */
  strokeRect(x: number, y: number, w: number, h: number): void {
    if (!finite(x, y, w, h)) return;
    const p = new PathRecorder();
    p.rect(this.state.matrix, x, y, w, h);
    this.strokePath(p);
  }

  /**
   * Records nothing. Chart.js only clears the whole canvas, before drawing a
   * frame and on destroy(); a recording of one frame has nothing to erase.
   */
  clearRect(_x: number, _y: number, _w: number, _h: number): void {}

  /**
   * Opens a clip group: everything drawn until the matching restore() goes into
   * a `<g clip-path>`. Rectangular clips that cut nothing are removed when the
   * SVG is written (Chart.js clips each dataset to the chart area).
   */
  clip(fillRule?: unknown): void {
    if (fillRule !== undefined && typeof fillRule !== 'string') {
      throw new Error('SvgContext.clip: Path2D arguments are not supported');
    }
    const node: SvgNode = {
      kind: 'clip',
      d: this.path.toPathData(),
      evenOdd: fillRule === 'evenodd',
      rect: this.path.rectBox(),
      children: [],
    };
    this.push(node);
    this.containers.push(node.children);
    this.state.clips++;
  }

  /** Draws text as one `<text>` element. */
  fillText(text: string, x: number, y: number, maxWidth?: number): void {
    this.drawText('fill', text, x, y, maxWidth);
  }

  /** Outlines text as one `<text>` element with a stroke and no fill. */
  strokeText(text: string, x: number, y: number, maxWidth?: number): void {
    this.drawText('stroke', text, x, y, maxWidth);
  }

  /** Measures with @napi-rs/canvas and the bundled chart font (see fontSpec.ts). */
  measureText(text: string): TextMetrics {
    return measureText(this.state.fontSpec, String(text));
  }

  /** Records nothing: image point styles are not supported in SVG output. */
  drawImage(..._args: unknown[]): void {}

  /** Not supported: the SVG output uses flat colours only. */
  createLinearGradient(): never {
    throw new Error('SvgContext: gradients are not supported, use a flat colour or var(--name)');
  }

  /** Not supported: the SVG output uses flat colours only. */
  createRadialGradient(): never {
    return this.createLinearGradient();
  }

  /** Not supported: the SVG output uses flat colours only. */
  createConicGradient(): never {
    return this.createLinearGradient();
  }

  /** Not supported: the SVG output uses flat colours only. */
  createPattern(): never {
    throw new Error('SvgContext: patterns are not supported, use a flat colour or var(--name)');
  }

  // ---- output ------------------------------------------------------------

  /** Serialises everything drawn so far as a standalone SVG document. */
  toSvg(options: SvgOutputOptions): string {
    return writeSvg(this.root, { ...options, classRules: this.classRules });
  }

  // ---- internals ---------------------------------------------------------

  private checkColor(value: unknown, property: string): string {
    if (typeof value !== 'string') {
      throw new Error(`SvgContext.${property}: only colour strings are supported (no gradients or patterns)`);
    }
    parseColor(value, this.palette); // Fail now, with the offending value, if a var() has no fallback.
    return value;
  }

  private paint(kind: 'fill' | 'stroke', value: string): Paint | null {
    const p = parseColor(value, this.palette);
    const alpha = p.alpha * this.state.globalAlpha;
    if (alpha <= 0) return null; // Invisible: write nothing.
    const paint: Paint = { classes: [], attrs: [] };
    if (p.kind === 'var') {
      const cls = `${kind === 'fill' ? 'f' : 's'}-${p.name}`;
      this.classRules.set(cls, `${kind}:var(--${p.name},${p.fallback})`);
      paint.classes.push(cls);
    } else {
      paint.attrs.push([kind, p.color]);
    }
    if (alpha < 1) paint.attrs.push([`${kind}-opacity`, fmtOpacity(alpha)]);
    return paint;
  }

  private push(node: SvgNode): void {
    (this.containers[this.containers.length - 1] as SvgNode[]).push(node);
    this.lastFill = null;
  }

  private fillPath(path: PathRecorder, evenOdd: boolean): void {
    if (path.isEmpty) return;
    const paint = this.paint('fill', this.state.fillStyle);
    if (!paint) {
      this.lastFill = null;
      return;
    }
    const d = path.toPathData();
    const node: ElementNode = {
      kind: 'element',
      tag: 'path',
      classes: paint.classes,
      shared: evenOdd ? [...paint.attrs, ['fill-rule', 'evenodd']] : paint.attrs,
      own: [['d', d]],
      box: path.box,
    };
    this.push(node);
    this.lastFill = { node, d, joins: path.hasJoins };
  }

  /** Stroke attributes for the current state, or null when the stroke is invisible. */
  private strokeAttrs(hasJoins: boolean): { paint: Paint; halfWidth: number } | null {
    const s = this.state;
    const scale = meanScale(s.matrix);
    const width = s.lineWidth * scale;
    if (!(width > 0)) return null;
    const paint = this.paint('stroke', s.strokeStyle);
    if (!paint) return null;
    const a = paint.attrs;
    if (width !== 1) a.push(['stroke-width', fmt(width)]);
    if (s.lineCap !== 'butt') a.push(['stroke-linecap', s.lineCap]);
    if (s.lineJoin !== 'miter') a.push(['stroke-linejoin', s.lineJoin]);
    // SVG's default miter limit is 4, canvas's 10; it only matters where segments meet.
    else if (hasJoins && s.miterLimit !== 4) a.push(['stroke-miterlimit', fmt(s.miterLimit)]);
    if (s.lineDash.length) {
      a.push(['stroke-dasharray', s.lineDash.map((v) => fmt(v * scale)).join(' ')]);
      if (s.lineDashOffset) a.push(['stroke-dashoffset', fmt(s.lineDashOffset * scale)]);
    }
    // How far the painted stroke can reach beyond the path (for clip elimination).
    const reach = Math.max(
      s.lineJoin === 'miter' && hasJoins ? s.miterLimit : 1,
      s.lineCap === 'square' ? Math.SQRT2 : 1,
    );
    return { paint, halfWidth: (width / 2) * reach };
  }

  private strokePath(path: PathRecorder): void {
    if (path.isEmpty) return;
    const stroke = this.strokeAttrs(path.hasJoins);
    if (!stroke) return;
    const d = path.toPathData();
    const box = grow(path.box, stroke.halfWidth);
    const last = this.lastFill;
    const container = this.containers[this.containers.length - 1] as SvgNode[];
    if (last && last.d === d && container[container.length - 1] === last.node) {
      // fill() then stroke() of the same path: one element, SVG paints fill then stroke too.
      last.node.classes = [...last.node.classes, ...stroke.paint.classes];
      last.node.shared = [...last.node.shared, ...stroke.paint.attrs];
      last.node.box = box;
      this.lastFill = null;
      return;
    }
    this.push({
      kind: 'element',
      tag: 'path',
      classes: stroke.paint.classes,
      shared: [['fill', 'none'], ...stroke.paint.attrs],
      own: [['d', d]],
      box,
    });
  }

  private drawText(mode: 'fill' | 'stroke', raw: string, x: number, y: number, maxWidth?: number): void {
    // Canvas turns these whitespace characters into spaces before shaping.
    const text = String(raw).replace(/[\t\n\f\r]/g, ' ');
    if (text === '' || !finite(x, y)) return;
    if (maxWidth !== undefined && !(maxWidth > 0)) return; // Canvas draws nothing for maxWidth <= 0 or NaN.
    const s = this.state;
    const spec = s.fontSpec;
    let paint: Paint | null;
    let reach = 0;
    if (mode === 'fill') {
      paint = this.paint('fill', s.fillStyle);
    } else {
      const stroke = this.strokeAttrs(false);
      paint = stroke && { classes: stroke.paint.classes, attrs: [['fill', 'none'], ...stroke.paint.attrs] };
      reach = stroke?.halfWidth ?? 0;
    }
    if (!paint) return;

    const width = measureText(spec, text).width;
    const squeeze = maxWidth !== undefined && width > maxWidth;
    const drawnWidth = squeeze ? (maxWidth as number) : width;
    const ly = y + baselineShift(spec, s.textBaseline);
    const anchor = textAnchor(s.textAlign);

    const own: Attr[] = [];
    const m = s.matrix;
    if (isTranslation(m)) {
      own.push(['x', fmt(x + m.e)], ['y', fmt(ly + m.f)]);
    } else {
      const sim = similarity(m);
      if (sim) {
        // Rotated (e.g. slanted tick labels): place the text origin, then rotate around it.
        const p = apply(m, x, ly);
        let t = `translate(${fmt(p.x)} ${fmt(p.y)})`;
        const deg = (sim.angle * 180) / Math.PI;
        if (Math.abs(deg) > 1e-6) t += ` rotate(${fmt(deg, 3)})`;
        if (Math.abs(sim.scale - 1) > 1e-9) t += ` scale(${fmt(sim.scale, 4)})`;
        own.push(['transform', t]);
      } else {
        own.push(['x', fmt(x)], ['y', fmt(ly)]);
        const lin = [m.a, m.b, m.c, m.d].map((v) => fmt(v, 4)).join(' ');
        own.push(['transform', `matrix(${lin} ${fmt(m.e)} ${fmt(m.f)})`]);
      }
    }
    if (squeeze) own.push(['textLength', fmt(drawnWidth)], ['lengthAdjust', 'spacingAndGlyphs']);

    const shared: Attr[] = [...paint.attrs, ['font-size', fmt(spec.size)]];
    if (spec.weight !== 400) shared.push(['font-weight', String(spec.weight)]);
    if (spec.style !== 'normal') shared.push(['font-style', spec.style]);
    if (anchor) shared.push(['text-anchor', anchor]);

    // Approximate ink box: the font's ascent/descent already cover Devanagari
    // marks above the headline and below the base; a small margin covers overhangs.
    const v = verticalMetrics(spec);
    const left = anchor === 'middle' ? x - drawnWidth / 2 : anchor === 'end' ? x - drawnWidth : x;
    const pad = spec.size * 0.1 + reach;
    let box: Box | null = null;
    for (const [cx, cy] of [
      [left - pad, ly - v.ascent - pad],
      [left + drawnWidth + pad, ly - v.ascent - pad],
      [left - pad, ly + v.descent + pad],
      [left + drawnWidth + pad, ly + v.descent + pad],
    ] as const) {
      const p = apply(m, cx, cy);
      box = extendBox(box, p.x, p.y);
    }

    this.push({ kind: 'element', tag: 'text', classes: paint.classes, shared, own, content: escapeText(text), box });
  }
}
