/**
 * 2D affine matrices in the canvas convention: a point (x, y) maps to
 * (a·x + c·y + e, b·x + d·y + f).
 */

/** An affine transform, same fields as DOMMatrix2DInit. */
export interface Matrix {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

/** A point. */
export interface Point {
  x: number;
  y: number;
}

/** The identity transform. */
export const IDENTITY: Matrix = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };

/** m · n: applying the result equals applying n first, then m (what ctx.transform(n) does). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return {
    a: m.a * n.a + m.c * n.b,
    b: m.b * n.a + m.d * n.b,
    c: m.a * n.c + m.c * n.d,
    d: m.b * n.c + m.d * n.d,
    e: m.a * n.e + m.c * n.f + m.e,
    f: m.b * n.e + m.d * n.f + m.f,
  };
}

/** Applies the transform to a point. */
export function apply(m: Matrix, x: number, y: number): Point {
  return { x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f };
}

/** Inverse transform, or null when the matrix is singular. */
export function invert(m: Matrix): Matrix | null {
  const det = m.a * m.d - m.b * m.c;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return null;
  return {
    a: m.d / det,
    b: -m.b / det,
    c: -m.c / det,
    d: m.a / det,
    e: (m.c * m.f - m.d * m.e) / det,
    f: (m.b * m.e - m.a * m.f) / det,
  };
}

const EPS = 1e-9;

/** True when the matrix only translates (the common case for chart text and shapes). */
export function isTranslation(m: Matrix): boolean {
  return Math.abs(m.a - 1) < EPS && Math.abs(m.d - 1) < EPS && Math.abs(m.b) < EPS && Math.abs(m.c) < EPS;
}

/**
 * If the matrix is a rotation + uniform scale (+ translation), without
 * reflection, returns its scale and rotation angle (radians). Circles stay
 * circles under such a transform, so arcs can be written as SVG `A` commands.
 */
export function similarity(m: Matrix): { scale: number; angle: number } | null {
  if (Math.abs(m.a - m.d) > EPS || Math.abs(m.b + m.c) > EPS) return null;
  const scale = Math.hypot(m.a, m.b);
  if (scale < EPS) return null;
  return { scale, angle: Math.atan2(m.b, m.a) };
}

/** Average linear scale factor, used to scale line widths and dash lengths. */
export function meanScale(m: Matrix): number {
  return Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
}
