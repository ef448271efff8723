/**
 * Tooltips for the build-time charts, as a small progressive enhancement. Each inline SVG ends in a
 * `<g class="chart-hits">` of transparent rects, one per bar, stacked segment or point, each with its
 * tooltip's text in `data-tip`, written by the formatter at build time (src/charts/build.ts). This
 * script only shows that text: no chart library, no numbers formatted here, nothing fetched.
 *
 * - Mouse: hovering a region shows its tooltip; leaving the drawing hides it.
 * - Touch and pen: a tap on a region shows it (above the finger, so it is not covered); a tap anywhere
 *   else hides it. A finger that scrolls the page past a chart shows nothing.
 * - Keyboard: the drawing that shows is focusable; ArrowRight/ArrowLeft/Home/End move through the
 *   regions in reading order, each tooltip also said by a polite live region, since it is only seen.
 *   Where the regions lie in rows (horizontal bars, the tile map: `data-order="rows"`), ArrowDown and
 *   ArrowUp move to the nearest region in the next row below or above.
 * - Escape hides it, and so does a change of the window's width (the drawing may change).
 *
 * Without JavaScript nothing of this exists, and nothing is lost: the figure's text alternative and
 * data table give every value. Nothing moves or fades, whatever the reader's motion setting.
 */

const GAP = 8;

interface Shown {
  figure: HTMLElement;
  rect: SVGRectElement;
  /** The window's width when it was shown: if that changes, the drawing may change too. */
  width: number;
}
let shown: Shown | undefined;

/** The figure's tooltip box and live region, made on first use. */
function part(figure: HTMLElement, className: string, make: (element: HTMLElement) => void): HTMLElement {
  const graphic = figure.querySelector<HTMLElement>('.chart-graphic') ?? figure;
  let element = graphic.querySelector<HTMLElement>(`:scope > .${className}`);
  if (!element) {
    element = document.createElement('div');
    element.className = className;
    make(element);
    graphic.append(element);
  }
  return element;
}

const tooltipOf = (figure: HTMLElement) =>
  part(figure, 'chart-tooltip', (element) => {
    element.setAttribute('role', 'tooltip');
    element.hidden = true;
  });

/** Said to screen readers as the keyboard moves through the regions; not shown. */
const liveOf = (figure: HTMLElement) =>
  part(figure, 'chart-live', (element) => {
    element.classList.add('visually-hidden');
    element.setAttribute('aria-live', 'polite');
  });

function hide(): void {
  if (!shown) return;
  const { figure, rect } = shown;
  rect.classList.remove('is-active');
  tooltipOf(figure).hidden = true;
  figure.removeAttribute('data-tooltip-open');
  shown = undefined;
}

/**
 * Shows `rect`'s tooltip above it (below if there is no room above inside the figure and the window),
 * centred on `atX` (the pointer; by default the region's middle), kept inside the figure's box.
 */
function show(figure: HTMLElement, rect: SVGRectElement, announce: boolean, atX?: number): void {
  const text = rect.getAttribute('data-tip') ?? '';
  if (shown?.rect !== rect) hide();
  const tip = tooltipOf(figure);
  tip.textContent = text;
  tip.style.left = tip.style.top = '0px';
  tip.hidden = false;
  const holder = (tip.offsetParent ?? figure).getBoundingClientRect();
  const box = figure.getBoundingClientRect();
  const r = rect.getBoundingClientRect();
  const { offsetWidth: w, offsetHeight: h } = tip;
  const x = Math.min(Math.max(atX ?? r.left + r.width / 2, r.left), r.right);
  const left = Math.max(box.left, Math.min(x - w / 2, box.right - w));
  const above = r.top - GAP - h;
  const top = above >= Math.max(box.top, 0) || r.bottom + GAP + h > Math.min(box.bottom, innerHeight) ? above : r.bottom + GAP;
  tip.style.left = `${left - holder.left}px`;
  tip.style.top = `${top - holder.top}px`;
  rect.classList.add('is-active');
  figure.setAttribute('data-tooltip-open', '');
  if (announce) liveOf(figure).textContent = text.replace(/\n/g, ', ');
  shown = { figure, rect, width: innerWidth };
}

const regionAt = (event: Event) => {
  const target = event.target as Element;
  return target instanceof SVGRectElement && target.parentElement?.classList.contains('chart-hits') ? target : null;
};

function setUp(figure: HTMLElement): void {
  liveOf(figure);
  for (const svg of figure.querySelectorAll<SVGSVGElement>('.chart-variant > svg')) {
    const rects = [...svg.querySelectorAll<SVGRectElement>('.chart-hits rect')];
    if (rects.length === 0) continue;
    svg.setAttribute('tabindex', '0');
    const hover = (event: PointerEvent) => {
      const rect = regionAt(event);
      if (event.pointerType === 'mouse' && rect && rect !== shown?.rect) show(figure, rect, false, event.clientX);
    };
    svg.addEventListener('pointerover', hover);
    svg.addEventListener('pointermove', hover);
    // A tap: the finger (or pen) goes down and up on one region. A finger that starts a scroll on the
    // chart is taken by the browser (pointercancel) and shows nothing.
    let pressed: SVGRectElement | null = null;
    svg.addEventListener('pointerdown', (event) => {
      pressed = event.pointerType === 'mouse' ? null : regionAt(event);
    });
    svg.addEventListener('pointercancel', () => {
      pressed = null;
    });
    svg.addEventListener('pointerup', (event) => {
      const rect = regionAt(event);
      if (rect && rect === pressed) show(figure, rect, false, event.clientX);
      pressed = null;
    });
    svg.addEventListener('pointerleave', (event) => {
      if (event.pointerType === 'mouse' && shown?.figure === figure) hide();
    });
    svg.addEventListener('focusout', () => {
      if (shown?.figure === figure) hide();
    });
    const inRows = svg.querySelector('.chart-hits')?.getAttribute('data-order') === 'rows';
    svg.addEventListener('keydown', (event) => {
      const last = rects.length - 1;
      const at = shown ? rects.indexOf(shown.rect) : -1;
      const next = {
        ArrowRight: at < 0 ? 0 : Math.min(at + 1, last),
        ArrowLeft: at < 0 ? last : Math.max(at - 1, 0),
        Home: 0,
        End: last,
        ...(inRows && { ArrowDown: at < 0 ? 0 : rowStep(rects, at, 1), ArrowUp: at < 0 ? last : rowStep(rects, at, -1) }),
      }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      show(figure, rects[next]!, true);
    });
  }
}

/** The middle of a region, in the drawing's own units (the same for every region, whatever the scale). */
const middle = (rect: SVGRectElement) => [rect.x.baseVal.value + rect.width.baseVal.value / 2, rect.y.baseVal.value + rect.height.baseVal.value / 2] as const;

/**
 * The region in the nearest row below (`direction` 1) or above (-1) the one at `at`, the closest to it
 * across; `at` itself where there is no such row.
 */
function rowStep(rects: SVGRectElement[], at: number, direction: 1 | -1): number {
  const [x, y] = middle(rects[at]!);
  let best = at;
  let bestRow = Infinity;
  let bestAcross = Infinity;
  rects.forEach((rect, index) => {
    const [cx, cy] = middle(rect);
    const row = (cy - y) * direction;
    // Half a unit of slack: the regions of one row share a middle to the rounding of their coordinates.
    if (row < 0.5) return;
    const across = Math.abs(cx - x);
    if (row < bestRow - 0.5 || (Math.abs(row - bestRow) <= 0.5 && across < bestAcross)) [best, bestRow, bestAcross] = [index, row, across];
  });
  return best;
}

/** Sets up every chart on the page. */
export function chartTooltips(): void {
  const figures = document.querySelectorAll<HTMLElement>('figure.chart');
  if (figures.length === 0) return;
  figures.forEach(setUp);
  // A tap (or click) anywhere but on a region of the open chart closes its tooltip.
  document.addEventListener('pointerdown', (event) => {
    const rect = regionAt(event);
    if (shown && !(rect && shown.figure.contains(rect))) hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  // The drawing shown may change with the width; a phone's toolbar sliding away only changes the height.
  // (innerWidth is read only while a tooltip shows: reading it at load would make the browser lay out
  // the whole page at once, before it needs to.)
  addEventListener('resize', () => {
    if (shown && innerWidth !== shown.width) hide();
  });
}
