/**
 * Tooltips for the build-time charts, as a progressive enhancement. When a chart comes near the
 * viewport, Chart.js is loaded (once, lazily: the page never waits for it) and draws the chart's
 * own config, the one its SVG was rendered from, on a canvas laid exactly over the SVG. The
 * canvas only adds tooltips on hover and tap; without JavaScript, or if anything here fails,
 * the SVG stays as it is.
 *
 * Nothing animates (the configs say `animation: false`, whatever the reader's motion setting).
 */
import type { ChartConfiguration, Chart as ChartType } from 'chart.js';
import { withBehaviour } from '../charts/behaviour.ts';

type Variant = 'narrow' | 'wide';
type Payload = Record<Variant, ChartConfiguration<'bar'>>;

/** Loads Chart.js with only the parts the charts use: horizontal bars, two scales, tooltips. */
let chartJs: Promise<typeof ChartType> | undefined;
function loadChartJs(): Promise<typeof ChartType> {
  chartJs ??= import('chart.js').then(({ Chart, BarController, BarElement, CategoryScale, LinearScale, Tooltip }) => {
    Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
    return Chart;
  });
  return chartJs;
}

const VAR = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*?)\s*)?\)/g;

/** The config with every `var(--x)` replaced by its current value on the figure: a canvas cannot read CSS variables. */
function resolveVars<T>(value: T, style: CSSStyleDeclaration): T {
  if (typeof value === 'string') {
    return value.replace(VAR, (whole, name: string, fallback?: string) => style.getPropertyValue(name).trim() || fallback || whole) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => resolveVars(item, style)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveVars(item, style)])) as T;
  }
  return value;
}

/** One chart on the page and its canvas. */
class EnhancedChart {
  private chart: ChartType<'bar'> | undefined;
  private variant: Variant | undefined;
  private readonly payload: Payload;
  private readonly figure: HTMLElement;
  private readonly Chart: typeof ChartType;

  constructor(figure: HTMLElement, Chart: typeof ChartType) {
    this.figure = figure;
    this.Chart = Chart;
    const data = figure.querySelector('script.chart-config')?.textContent;
    if (!data) throw new Error(`chart ${figure.dataset['chart']}: no config`);
    this.payload = JSON.parse(data) as Payload;
  }

  /** Draws on the drawing that is showing, if that changed (or if `force`, e.g. after a switch to dark mode). */
  draw(force = false): void {
    const holder = [...this.figure.querySelectorAll<HTMLElement>('.chart-variant')].find((element) => element.getClientRects().length > 0);
    const variant = holder?.dataset['variant'] as Variant | undefined;
    if (!holder || !variant || (variant === this.variant && !force)) return;
    this.destroy();
    const box = document.createElement('div');
    box.className = 'chart-canvas';
    box.setAttribute('aria-hidden', 'true');
    const canvas = document.createElement('canvas');
    box.append(canvas);
    holder.append(box);
    const config = withBehaviour(resolveVars(this.payload[variant], getComputedStyle(this.figure)));
    const figure = this.figure;
    config.options = { ...config.options, responsive: true, maintainAspectRatio: false, animation: false };
    config.plugins = [
      ...(config.plugins ?? []),
      {
        // Says on the figure whether a tooltip is open: for tests, and for styles that may want it.
        id: 'tooltipState',
        afterDraw(chart) {
          const open = (chart.tooltip?.opacity ?? 0) > 0 && (chart.tooltip?.getActiveElements().length ?? 0) > 0;
          figure.toggleAttribute('data-tooltip-open', open);
        },
      },
    ];
    this.chart = new this.Chart(canvas, config);
    this.variant = variant;
    holder.classList.add('is-drawn');
    figure.setAttribute('data-enhanced', variant);
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
    this.variant = undefined;
    for (const box of this.figure.querySelectorAll('.chart-canvas')) box.remove();
    for (const holder of this.figure.querySelectorAll('.chart-variant')) holder.classList.remove('is-drawn');
  }
}

/** Sets up every chart on the page: each is drawn when it comes within a screen of the viewport. */
export function enhanceCharts(): void {
  const figures = [...document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')];
  if (figures.length === 0 || !('IntersectionObserver' in window)) return;
  const charts: EnhancedChart[] = [];

  const start = async (figure: HTMLElement) => {
    try {
      const Chart = await loadChartJs();
      // The canvas measures text as it draws: wait for the web font, or labels would be laid out in a fallback.
      await document.fonts.ready;
      const chart = new EnhancedChart(figure, Chart);
      chart.draw();
      charts.push(chart);
      // The drawing that fits can change when the column's width changes (rotation, window resize).
      new ResizeObserver(() => chart.draw()).observe(figure);
    } catch (error) {
      // The SVG is still there; the reader only loses tooltips.
      console.warn('Chart tooltips unavailable:', error);
    }
  };

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void start(entry.target as HTMLElement);
      }
    },
    { rootMargin: '50% 0px' },
  );
  for (const figure of figures) observer.observe(figure);

  // Colours come from CSS variables: redraw when the reader's colour scheme changes.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    for (const chart of charts) chart.draw(true);
  });
}
