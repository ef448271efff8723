import type { ChartConfiguration } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { elementBoxes, renderSvg, type ElementBox } from '../../../src/charts/render/renderChart.ts';

// Plain axes with no ticks or padding to guess at: the boxes are checked against the scales' own
// arithmetic, from values chosen so the expected pixels are round.
const SIZE = { width: 400, height: 300, palette: { ink: '#222222' } };
const bare = { display: false, grid: { display: false } };

function bars(indexAxis: 'x' | 'y', stacked = false): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: ['a', 'b'],
      datasets: [
        { data: [25, 50], backgroundColor: 'var(--ink)', barPercentage: 1, categoryPercentage: 1, borderWidth: 0 },
        { data: [50, 25], backgroundColor: 'red', barPercentage: 1, categoryPercentage: 1, borderWidth: 0 },
      ],
    },
    options: {
      indexAxis,
      layout: { padding: 0 },
      plugins: { legend: { display: false } },
      scales: {
        x: { ...bare, stacked, ...(indexAxis === 'y' ? { min: 0, max: 100 } : {}) },
        y: { ...bare, stacked, ...(indexAxis === 'x' ? { min: 0, max: 100 } : {}) },
      },
    },
  };
}

const box = (boxes: ElementBox[], datasetIndex: number, index: number) => boxes.find((b) => b.datasetIndex === datasetIndex && b.index === index);

describe('elementBoxes', () => {
  it('horizontal bars: from the base (value 0) to the value across, the bar thickness down', () => {
    const boxes = elementBoxes(bars('y'), SIZE);
    expect(boxes).toHaveLength(4);
    // Two categories of 150 px each, two bars side by side in each: 75 px thick. 100 units = 400 px.
    expect(box(boxes, 0, 0)).toEqual({ datasetIndex: 0, index: 0, kind: 'bar', x: 0, y: 0, width: 100, height: 75 });
    expect(box(boxes, 1, 0)).toEqual({ datasetIndex: 1, index: 0, kind: 'bar', x: 0, y: 75, width: 200, height: 75 });
    expect(box(boxes, 0, 1)).toEqual({ datasetIndex: 0, index: 1, kind: 'bar', x: 0, y: 150, width: 200, height: 75 });
  });

  it('vertical bars: from the value down to the base', () => {
    const boxes = elementBoxes(bars('x'), SIZE);
    // Two categories of 200 px, bars 100 px wide; 100 units = 300 px, measured up from the bottom.
    expect(box(boxes, 0, 0)).toEqual({ datasetIndex: 0, index: 0, kind: 'bar', x: 0, y: 225, width: 100, height: 75 });
    expect(box(boxes, 1, 1)).toEqual({ datasetIndex: 1, index: 1, kind: 'bar', x: 300, y: 225, width: 100, height: 75 });
  });

  it('stacked bars: each segment its own box, end to end, none covering another', () => {
    const boxes = elementBoxes(bars('y', true), SIZE);
    expect(box(boxes, 0, 0)).toEqual({ datasetIndex: 0, index: 0, kind: 'bar', x: 0, y: 0, width: 100, height: 150 });
    expect(box(boxes, 1, 0)).toEqual({ datasetIndex: 1, index: 0, kind: 'bar', x: 100, y: 0, width: 200, height: 150 });
    expect(box(boxes, 0, 1)).toEqual({ datasetIndex: 0, index: 1, kind: 'bar', x: 0, y: 150, width: 200, height: 150 });
    expect(box(boxes, 1, 1)).toEqual({ datasetIndex: 1, index: 1, kind: 'bar', x: 200, y: 150, width: 100, height: 150 });
  });

  const line = (extra: Record<string, unknown> = {}): ChartConfiguration =>
    ({
      type: 'line',
      data: {
        datasets: [
          {
            data: [
              { x: 0, y: 0 },
              { x: 50, y: 50 },
              { x: 100, y: null },
              { x: 100, y: 100 },
            ],
            pointRadius: 3,
            pointHitRadius: 1,
            borderColor: 'var(--ink)',
            ...extra,
          },
          // A line with no markers of its own (radius and hit radius 0): nothing to point at.
          { data: [{ x: 0, y: 100 }], pointRadius: 0, pointHitRadius: 0 },
        ],
      },
      options: { layout: { padding: 0 }, plugins: { legend: { display: false } }, scales: { x: { ...bare, type: 'linear', min: 0, max: 100 }, y: { ...bare, min: 0, max: 100 } } },
    }) as ChartConfiguration;

  it('points: a square of twice the radius + hit radius around the centre; none for gaps or unmarked lines', () => {
    const boxes = elementBoxes(line(), SIZE);
    expect(boxes.map((b) => b.index)).toEqual([0, 1, 3]);
    expect(box(boxes, 0, 1)).toEqual({ datasetIndex: 0, index: 1, kind: 'point', x: 196, y: 146, width: 8, height: 8 });
  });

  it('points: boxes are clipped to the drawing', () => {
    // (0, 0) lies a few pixels inside the bottom-left corner (Chart.js keeps room for the marker):
    // its 24 px square is cut by the left and bottom edges.
    const corner = box(elementBoxes(line(), { ...SIZE, minPointHitRadius: 12 }), 0, 0)!;
    expect(corner.x).toBe(0);
    expect(corner.y + corner.height).toBe(SIZE.height);
    expect(corner.width).toBeLessThan(24);
    expect(corner.height).toBeLessThan(24);
  });

  it('points: a larger square when asked for a target a finger can hit', () => {
    const boxes = elementBoxes(line(), { ...SIZE, minPointHitRadius: 12 });
    expect(box(boxes, 0, 1)).toEqual({ datasetIndex: 0, index: 1, kind: 'point', x: 188, y: 138, width: 24, height: 24 });
    // A point already larger than the minimum keeps its own size.
    const big = elementBoxes(line({ pointRadius: 14, pointHitRadius: 2 }), { ...SIZE, minPointHitRadius: 12 });
    expect(box(big, 0, 1)).toEqual({ datasetIndex: 0, index: 1, kind: 'point', x: 184, y: 134, width: 32, height: 32 });
  });

  it("points drawn as upright squares ('rect'): the square drawn, inscribed in the radius, plus the hit radius", () => {
    const square = elementBoxes(line({ pointStyle: 'rect', pointRadius: 10 * Math.SQRT2, pointHitRadius: 0 }), SIZE);
    expect(box(square, 0, 1)).toEqual({ datasetIndex: 0, index: 1, kind: 'point', x: 190, y: 140, width: 20, height: 20 });
    // Turned, it is a diamond that reaches the radius: the box is the radius's square again.
    const turned = elementBoxes(line({ pointStyle: 'rect', pointRotation: 45, pointRadius: 10, pointHitRadius: 0 }), SIZE);
    expect(box(turned, 0, 1)).toEqual({ datasetIndex: 0, index: 1, kind: 'point', x: 190, y: 140, width: 20, height: 20 });
  });

  it('skips hidden datasets', () => {
    const config = bars('y');
    (config.data.datasets[1] as { hidden?: boolean }).hidden = true;
    expect(elementBoxes(config, SIZE).every((b) => b.datasetIndex === 0)).toBe(true);
  });

  it('comes from the same layout as the drawing, which it leaves unchanged, and is deterministic', () => {
    const config = bars('y', true);
    const both = renderSvg(config, { ...SIZE, withHitBoxes: true });
    expect(both.svg).toBe(renderSvg(config, SIZE));
    expect(both.boxes).toEqual(elementBoxes(config, SIZE));
    expect(JSON.stringify(elementBoxes(line(), SIZE))).toBe(JSON.stringify(elementBoxes(line(), SIZE)));
  });
});
