/**
 * Records canvas path operations as SVG path data. Points are transformed by
 * the current matrix when they are added (as a canvas does), so the recorded
 * path is in device (SVG user) coordinates and survives later changes of the
 * transform before fill()/stroke().
 */
import { apply, invert, similarity, type Matrix, type Point } from './matrix.ts';
import { fmt } from './xml.ts';

type Command =
  | { c: 'M' | 'L'; x: number; y: number }
  | { c: 'Q'; x1: number; y1: number; x: number; y: number }
  | { c: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { c: 'A'; rx: number; ry: number; rot: number; large: 0 | 1; sweep: 0 | 1; x: number; y: number }
  | { c: 'Z' };

/** An axis-aligned box in device coordinates. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const TAU = Math.PI * 2;

const xy = (p: Point): [number, number] => [p.x, p.y];

/** Extends a box (or creates one) to include a point. */
export function extendBox(box: Box | null, x: number, y: number): Box {
  if (!box) return { x0: x, y0: y, x1: x, y1: y };
  return { x0: Math.min(box.x0, x), y0: Math.min(box.y0, y), x1: Math.max(box.x1, x), y1: Math.max(box.y1, y) };
}

/**
 * Sweep of a canvas arc in radians, signed (negative = anticlockwise), following
 * the HTML spec: a full turn when the requested span reaches 2π, otherwise the
 * span reduced modulo 2π in the drawing direction.
 */
export function arcSweep(start: number, end: number, anticlockwise: boolean): number {
  if (!anticlockwise && end - start >= TAU) return TAU;
  if (anticlockwise && start - end >= TAU) return -TAU;
  const span = anticlockwise ? start - end : end - start;
  const reduced = ((span % TAU) + TAU) % TAU;
  return anticlockwise ? -reduced : reduced;
}

/** One recorded path (the canvas "current default path"). */
export class PathRecorder {
  private cmds: Command[] = [];
  /** Current point in device coordinates, null when there is no subpath. */
  private cur: Point | null = null;
  private subpathStart: Point | null = null;
  private segmentsInSubpath = 0;
  private joins = false;
  private bounds: Box | null = null;

  /** True when nothing would be drawn. */
  get isEmpty(): boolean {
    return !this.cmds.some((c) => c.c !== 'M');
  }

  /** Whether some subpath has a corner (two joined segments or a closed outline): only then does a miter limit matter. */
  get hasJoins(): boolean {
    return this.joins || this.segmentsInSubpath > 1;
  }

  /** Conservative device-space bounding box (control points included), null when empty. */
  get box(): Box | null {
    return this.bounds;
  }

  /** Clears the path (ctx.beginPath). */
  reset(): void {
    this.cmds = [];
    this.cur = null;
    this.subpathStart = null;
    this.segmentsInSubpath = 0;
    this.joins = false;
    this.bounds = null;
  }

  private add(p: Point): void {
    this.bounds = extendBox(this.bounds, p.x, p.y);
  }

  private segment(): void {
    this.segmentsInSubpath++;
    if (this.segmentsInSubpath > 1) this.joins = true;
  }

  /** Starts a new subpath at (x, y). */
  moveTo(m: Matrix, x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const p = apply(m, x, y);
    this.moveToDevice(p);
  }

  private moveToDevice(p: Point): void {
    // Two moveTo in a row: the first is dead weight in the output.
    const last = this.cmds[this.cmds.length - 1];
    if (last && last.c === 'M') this.cmds.pop();
    this.cmds.push({ c: 'M', x: p.x, y: p.y });
    this.cur = p;
    this.subpathStart = p;
    this.segmentsInSubpath = 0;
  }

  private lineToDevice(p: Point): void {
    if (!this.cur) {
      // Canvas spec: lineTo without a subpath behaves like moveTo.
      this.moveToDevice(p);
      return;
    }
    this.cmds.push({ c: 'L', x: p.x, y: p.y });
    this.add(this.cur);
    this.add(p);
    this.cur = p;
    this.segment();
  }

  /** Adds a straight line to (x, y). */
  lineTo(m: Matrix, x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    this.lineToDevice(apply(m, x, y));
  }

  /** Adds a quadratic Bézier curve. */
  quadraticCurveTo(m: Matrix, cpx: number, cpy: number, x: number, y: number): void {
    if (![cpx, cpy, x, y].every(Number.isFinite)) return;
    if (!this.cur) this.moveTo(m, cpx, cpy);
    const c = apply(m, cpx, cpy);
    const p = apply(m, x, y);
    this.cmds.push({ c: 'Q', x1: c.x, y1: c.y, x: p.x, y: p.y });
    if (this.cur) this.add(this.cur);
    this.add(c);
    this.add(p);
    this.cur = p;
    this.segment();
  }

  /** Adds a cubic Bézier curve. */
  bezierCurveTo(m: Matrix, c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    if (![c1x, c1y, c2x, c2y, x, y].every(Number.isFinite)) return;
    if (!this.cur) this.moveTo(m, c1x, c1y);
    this.cubicDevice(apply(m, c1x, c1y), apply(m, c2x, c2y), apply(m, x, y));
    this.segment();
  }

  private cubicDevice(c1: Point, c2: Point, p: Point): void {
    this.cmds.push({ c: 'C', x1: c1.x, y1: c1.y, x2: c2.x, y2: c2.y, x: p.x, y: p.y });
    if (this.cur) this.add(this.cur);
    this.add(c1);
    this.add(c2);
    this.add(p);
    this.cur = p;
  }

  /** Closes the current subpath; the next one starts where this one started. */
  closePath(): void {
    if (!this.cur) return;
    const last = this.cmds[this.cmds.length - 1];
    if (last && last.c !== 'Z' && last.c !== 'M') {
      this.cmds.push({ c: 'Z' });
      // Closing adds a corner unless a single curve already ends where it started
      // (a circle): only corners make the miter limit matter.
      const start = this.subpathStart;
      const gap = start ? Math.hypot(this.cur.x - start.x, this.cur.y - start.y) : 0;
      if (this.segmentsInSubpath > 1 || gap > 1e-9) this.joins = true;
    }
    this.cur = this.subpathStart;
    this.segmentsInSubpath = 0;
  }

  /** Adds a closed rectangle subpath, then a new subpath at (x, y) as the spec says. */
  rect(m: Matrix, x: number, y: number, w: number, h: number): void {
    if (![x, y, w, h].every(Number.isFinite)) return;
    this.moveTo(m, x, y);
    this.lineTo(m, x + w, y);
    this.lineTo(m, x + w, y + h);
    this.lineTo(m, x, y + h);
    this.closePath();
  }

  /**
   * Adds an elliptical arc (ctx.ellipse; ctx.arc is the rx = ry case).
   * Angles are parametric, measured from the ellipse's x axis, clockwise on screen.
   */
  ellipse(
    m: Matrix,
    cx: number,
    cy: number,
    rx: number,
    ry: number,
    rotation: number,
    start: number,
    end: number,
    anticlockwise: boolean,
  ): void {
    if (![cx, cy, rx, ry, rotation, start, end].every(Number.isFinite)) return;
    if (rx < 0 || ry < 0) throw new RangeError(`The radius provided (${Math.min(rx, ry)}) is negative.`);
    const cosR = Math.cos(rotation);
    const sinR = Math.sin(rotation);
    // Point on the ellipse at parametric angle t, in user space.
    const at = (t: number): Point => {
      const ex = rx * Math.cos(t);
      const ey = ry * Math.sin(t);
      return { x: cx + ex * cosR - ey * sinR, y: cy + ex * sinR + ey * cosR };
    };
    const s = apply(m, ...xy(at(start)));
    // The canvas joins the current point to the arc start with a line; skip it
    // when both coincide (the usual beginPath/arc case) to keep the data short.
    if (!this.cur || Math.hypot(this.cur.x - s.x, this.cur.y - s.y) > 1e-9) this.lineToDevice(s);
    const sweep = arcSweep(start, end, anticlockwise);
    if (sweep === 0) return;
    if (rx === 0 || ry === 0) {
      const e = at(start + sweep);
      this.lineToDevice(apply(m, e.x, e.y));
      return;
    }
    const sim = similarity(m);
    if (sim) {
      // SVG arcs need at most π per command to be unambiguous; a full circle becomes two halves.
      const pieces = Math.max(1, Math.ceil(Math.abs(sweep) / Math.PI - 1e-9));
      const step = sweep / pieces;
      const rot = ((rotation + sim.angle) * 180) / Math.PI;
      for (let i = 1; i <= pieces; i++) {
        const e = at(start + step * i);
        const p = apply(m, e.x, e.y);
        this.cmds.push({ c: 'A', rx: rx * sim.scale, ry: ry * sim.scale, rot, large: 0, sweep: sweep > 0 ? 1 : 0, x: p.x, y: p.y });
        this.cur = p;
      }
      // The whole ellipse bounds the arc: cheap and conservative.
      const c = apply(m, cx, cy);
      const r = Math.max(rx, ry) * sim.scale;
      this.add({ x: c.x - r, y: c.y - r });
      this.add({ x: c.x + r, y: c.y + r });
    } else {
      // Skewed or non-uniformly scaled: cubic Béziers stay exact under any affine map.
      const pieces = Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9));
      const step = sweep / pieces;
      const k = (4 / 3) * Math.tan(step / 4);
      for (let i = 0; i < pieces; i++) {
        const t0 = start + step * i;
        const t1 = t0 + step;
        const p0 = at(t0);
        const p3 = at(t1);
        // Derivatives of the ellipse at t0 and t1 give the tangent handles.
        const d = (t: number): Point => {
          const ex = -rx * Math.sin(t);
          const ey = ry * Math.cos(t);
          return { x: ex * cosR - ey * sinR, y: ex * sinR + ey * cosR };
        };
        const d0 = d(t0);
        const d1 = d(t1);
        this.cubicDevice(
          apply(m, p0.x + k * d0.x, p0.y + k * d0.y),
          apply(m, p3.x - k * d1.x, p3.y - k * d1.y),
          apply(m, p3.x, p3.y),
        );
      }
    }
    this.segment();
  }

  /** ctx.arcTo: a line to the first tangent point, then the arc tangent to both lines. */
  arcTo(m: Matrix, x1: number, y1: number, x2: number, y2: number, r: number): void {
    if (![x1, y1, x2, y2, r].every(Number.isFinite)) return;
    if (r < 0) throw new RangeError(`The radius provided (${r}) is negative.`);
    if (!this.cur) {
      this.moveTo(m, x1, y1);
      return;
    }
    const inv = invert(m);
    if (!inv) return;
    const p0 = apply(inv, this.cur.x, this.cur.y);
    const v1x = p0.x - x1;
    const v1y = p0.y - y1;
    const v2x = x2 - x1;
    const v2y = y2 - y1;
    const l1 = Math.hypot(v1x, v1y);
    const l2 = Math.hypot(v2x, v2y);
    const cross = v1x * v2y - v1y * v2x;
    if (l1 === 0 || l2 === 0 || r === 0 || Math.abs(cross) < 1e-9 * l1 * l2) {
      this.lineTo(m, x1, y1);
      return;
    }
    const u1x = v1x / l1;
    const u1y = v1y / l1;
    const u2x = v2x / l2;
    const u2y = v2y / l2;
    const angle = Math.acos(Math.max(-1, Math.min(1, u1x * u2x + u1y * u2y)));
    const dist = r / Math.tan(angle / 2);
    const t1x = x1 + u1x * dist;
    const t1y = y1 + u1y * dist;
    const t2x = x1 + u2x * dist;
    const t2y = y1 + u2y * dist;
    const bx = u1x + u2x;
    const by = u1y + u2y;
    const bl = Math.hypot(bx, by);
    const h = r / Math.sin(angle / 2);
    const ccx = x1 + (bx / bl) * h;
    const ccy = y1 + (by / bl) * h;
    // The path turns right (clockwise on screen) when (p1 - p0) × (p2 - p1) > 0.
    const turn = -u1x * u2y + u1y * u2x;
    this.lineTo(m, t1x, t1y);
    this.ellipse(m, ccx, ccy, r, r, 0, Math.atan2(t1y - ccy, t1x - ccx), Math.atan2(t2y - ccy, t2x - ccx), turn < 0);
  }

  /**
   * If the path is exactly one axis-aligned rectangle, returns it. Chart.js clips
   * with such rectangles; knowing the box lets the writer drop clips that cut nothing.
   */
  rectBox(): Box | null {
    const pts: Point[] = [];
    let closed = false;
    for (const c of this.cmds) {
      if (c.c === 'M' || c.c === 'L') {
        if (closed) return null;
        pts.push({ x: c.x, y: c.y });
      } else if (c.c === 'Z') closed = true;
      else return null;
    }
    if (pts.length === 5 && pts[4] && pts[0] && pts[4].x === pts[0].x && pts[4].y === pts[0].y) pts.pop();
    if (pts.length !== 4) return null;
    for (let i = 0; i < 4; i++) {
      const a = pts[i] as Point;
      const b = pts[(i + 1) % 4] as Point;
      if (a.x !== b.x && a.y !== b.y) return null;
    }
    return this.bounds;
  }

  /** SVG path data with coordinates rounded to 2 decimals; H/V shorten axis-parallel lines. */
  toPathData(): string {
    let out = '';
    let px = '';
    let py = '';
    let sx = '';
    let sy = '';
    let prev = '';
    const cmd = (c: string, nums: string[]): void => {
      // Repeating the same command letter is optional in SVG path syntax (except after M).
      let s = c === prev && c !== 'M' ? '' : c;
      for (let i = 0; i < nums.length; i++) {
        const n = nums[i] as string;
        if (i > 0 || s === '') s += n.startsWith('-') ? '' : ' ';
        s += n;
      }
      if (s.startsWith(' ') && out === '') s = s.slice(1);
      out += s;
      prev = c;
    };
    for (const c of this.cmds) {
      switch (c.c) {
        case 'M': {
          const x = fmt(c.x);
          const y = fmt(c.y);
          cmd('M', [x, y]);
          px = sx = x;
          py = sy = y;
          break;
        }
        case 'L': {
          const x = fmt(c.x);
          const y = fmt(c.y);
          if (y === py && x !== px) cmd('H', [x]);
          else if (x === px && y !== py) cmd('V', [y]);
          else cmd('L', [x, y]);
          px = x;
          py = y;
          break;
        }
        case 'Q':
          cmd('Q', [fmt(c.x1), fmt(c.y1), (px = fmt(c.x)), (py = fmt(c.y))]);
          break;
        case 'C':
          cmd('C', [fmt(c.x1), fmt(c.y1), fmt(c.x2), fmt(c.y2), (px = fmt(c.x)), (py = fmt(c.y))]);
          break;
        case 'A':
          cmd('A', [fmt(c.rx), fmt(c.ry), fmt(c.rot), String(c.large), String(c.sweep), (px = fmt(c.x)), (py = fmt(c.y))]);
          break;
        case 'Z':
          cmd('Z', []);
          px = sx;
          py = sy;
          break;
      }
    }
    // A trailing moveTo draws nothing.
    return out.replace(/M[^A-Za-z]*$/, '');
  }
}
