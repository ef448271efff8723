/**
 * The recorded drawing as a small tree, and its serialisation to compact,
 * deterministic SVG markup.
 */
import { createHash } from 'node:crypto';
import { CSS_FONT_STACK } from './fonts.ts';
import type { Box } from './path.ts';
import { escapeAttr, fmt } from './xml.ts';

/** A name/value attribute pair; values are written escaped. */
export type Attr = readonly [name: string, value: string];

/** A `<path>` or `<text>` element. */
export interface ElementNode {
  kind: 'element';
  tag: 'path' | 'text';
  /** CSS classes (palette colours). */
  classes: string[];
  /** Paint and font attributes: runs of elements sharing them are grouped under one `<g>`. */
  shared: Attr[];
  /** Geometry attributes (d, x, y, transform), always on the element itself. */
  own: Attr[];
  /** Text content, already XML-escaped. */
  content?: string;
  /** Device-space bounds used to prove a clip redundant; null when unknown. */
  box: Box | null;
}

/** Everything drawn while a clip was active (until the matching restore). */
export interface ClipNode {
  kind: 'clip';
  /** Clip outline as path data (device coordinates). */
  d: string;
  evenOdd: boolean;
  /** Set when the clip is an axis-aligned rectangle. */
  rect: Box | null;
  children: SvgNode[];
}

/** A node of the recorded drawing. */
export type SvgNode = ElementNode | ClipNode;

/** Document-level options for {@link writeSvg}. */
export interface WriteOptions {
  width: number;
  height: number;
  /** CSS rules for palette classes, keyed by class name (sorted on output for determinism). */
  classRules: ReadonlyMap<string, string>;
  /** Accessible name; when given the SVG gets role="img" and aria-label. */
  label?: string | undefined;
  /** Prefix for clip-path ids; by default derived from a hash of the drawing. */
  idPrefix?: string | undefined;
}

/** Tolerance for "inside the clip" tests: well below what the 2-decimal output can show. */
const EPS = 0.01;

function inside(box: Box, clip: Box): boolean {
  return box.x0 >= clip.x0 - EPS && box.y0 >= clip.y0 - EPS && box.x1 <= clip.x1 + EPS && box.y1 <= clip.y1 + EPS;
}

function allInside(nodes: SvgNode[], clip: Box): boolean {
  return nodes.every((n) => (n.kind === 'element' ? n.box !== null && inside(n.box, clip) : allInside(n.children, clip)));
}

/**
 * Drops clips that cannot change the picture: empty ones, and rectangular ones
 * whose content lies entirely inside them (Chart.js clips every dataset to the
 * chart area even when nothing sticks out). Fewer groups, smaller files.
 */
function simplify(nodes: SvgNode[]): SvgNode[] {
  const out: SvgNode[] = [];
  for (const n of nodes) {
    if (n.kind === 'element') {
      out.push(n);
      continue;
    }
    if (n.d === '') continue; // Clipped to nothing: nothing inside is visible.
    const children = simplify(n.children);
    if (children.length === 0) continue;
    if (n.rect && allInside(children, n.rect)) out.push(...children);
    else out.push({ ...n, children });
  }
  return out;
}

function attrs(list: readonly Attr[]): string {
  let s = '';
  for (const [name, value] of list) s += ` ${name}="${escapeAttr(value)}"`;
  return s;
}

function sharedKey(n: ElementNode): string {
  const cls = n.classes.length ? ` class="${[...n.classes].sort().join(' ')}"` : '';
  return cls + attrs(n.shared);
}

function element(n: ElementNode, shared: string): string {
  const open = `<${n.tag}${shared}${attrs(n.own)}`;
  return n.tag === 'text' ? `${open}>${n.content ?? ''}</text>` : `${open}/>`;
}

interface ClipRegistry {
  ids: Map<string, number>;
  defs: string[];
}

function clipKey(n: ClipNode): string {
  return `${n.evenOdd ? 'e' : 'n'}${n.d}`;
}

function writeNodes(nodes: SvgNode[], clips: ClipRegistry): string {
  let out = '';
  let i = 0;
  while (i < nodes.length) {
    const n = nodes[i] as SvgNode;
    if (n.kind === 'clip') {
      const key = clipKey(n);
      let idx = clips.ids.get(key);
      if (idx === undefined) {
        idx = clips.ids.size;
        clips.ids.set(key, idx);
        const rule = n.evenOdd ? ' clip-rule="evenodd"' : '';
        clips.defs.push(`<clipPath id="\u0000${idx}\u0000"><path d="${escapeAttr(n.d)}"${rule}/></clipPath>`);
      }
      out += `<g clip-path="url(#\u0000${idx}\u0000)">${writeNodes(n.children, clips)}</g>`;
      i++;
      continue;
    }
    // Collect the run of following elements with the same tag and paint/font attributes.
    const key = sharedKey(n);
    let j = i + 1;
    while (j < nodes.length) {
      const m = nodes[j] as SvgNode;
      if (m.kind !== 'element' || m.tag !== n.tag || sharedKey(m) !== key) break;
      j++;
    }
    if (j - i > 1 && key !== '') {
      out += `<g${key}>`;
      for (let k = i; k < j; k++) out += element(nodes[k] as ElementNode, '');
      out += '</g>';
    } else {
      for (let k = i; k < j; k++) out += element(nodes[k] as ElementNode, key);
    }
    i = j;
  }
  return out;
}

/**
 * Serialises the drawing. The root has a viewBox and no width/height so it
 * scales with its container; the `<style>` block carries the font stack and the
 * palette classes, scoped to `.chart-svg` because an inline SVG's style sheet
 * applies to the whole HTML page. Clip ids are derived from a hash of the
 * content, so they are stable across builds and unlikely to collide when
 * several charts are inlined into one page.
 */
export function writeSvg(nodes: SvgNode[], options: WriteOptions): string {
  const clips: ClipRegistry = { ids: new Map(), defs: [] };
  const body = writeNodes(simplify(nodes), clips);
  let style = `.chart-svg text{font-family:${CSS_FONT_STACK};white-space:pre}`;
  for (const name of [...options.classRules.keys()].sort()) {
    style += `.chart-svg .${name}{${options.classRules.get(name) ?? ''}}`;
  }
  const defs = clips.defs.length ? `<defs>${clips.defs.join('')}</defs>` : '';
  const a11y = options.label === undefined ? '' : ` role="img" aria-label="${escapeAttr(options.label)}"`;
  let svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fmt(options.width)} ${fmt(options.height)}"` +
    ` class="chart-svg"${a11y}><style>${style}</style>${defs}${body}</svg>`;
  if (clips.defs.length) {
    const prefix = options.idPrefix ?? `ch${createHash('sha256').update(svg).digest('hex').slice(0, 8)}`;
    if (!/^[A-Za-z][\w-]*$/.test(prefix)) throw new Error(`Invalid SVG id prefix: ${JSON.stringify(prefix)}`);
    svg = svg.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => `${prefix}-c${i}`);
  }
  return svg;
}
