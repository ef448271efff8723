import type { ChartConfiguration, Plugin } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { renderPng, renderSvg, resolveCssVars } from '../../../src/charts/render/renderChart.ts';

const HINDI = ['आंध्र प्रदेश', 'मध्य प्रदेश', 'एचडब्ल्यूसी'];
const palette = { accent: '#1f77b4', ink: '#222222', second: '#d62728' };

/** Texts of all <text> elements, XML-unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  );
}

/** Opening tags of all <text> elements whose content is exactly `s` (escaped form). */
function textTags(svg: string, escaped: string): string[] {
  const re = new RegExp(`<text\\b([^>]*)>${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</text>`, 'g');
  return [...svg.matchAll(re)].map((m) => m[1] ?? '');
}

const valueLabels: Plugin<'bar'> = {
  id: 'valueLabels',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    const meta = chart.getDatasetMeta(0);
    ctx.save();
    ctx.fillStyle = 'var(--ink)';
    ctx.font = '600 11px sans-serif';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    meta.data.forEach((bar, i) => ctx.fillText(`मान ${chart.data.datasets[0]?.data[i] as number}`, bar.x + 4, bar.y));
    ctx.restore();
  },
};

function hindiBar(labels: string[] = HINDI): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: 'परामर्श',
          data: labels.map((_, i) => 40 + ((i * 37) % 100)),
          backgroundColor: 'var(--accent)',
          borderColor: 'rgba(0, 0, 0, 0.5)',
          borderWidth: 1,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { title: { display: true, text: 'राज्यवार परामर्श' }, legend: { display: true } },
      scales: { x: { ticks: { callback: (v) => `${v} लाख` } } },
    },
    plugins: [valueLabels],
  };
}

const SIZE = { width: 800, height: 500, palette };

describe('renderSvg', () => {
  const svg = renderSvg(hindiBar() as ChartConfiguration, SIZE);

  it('writes each Hindi label as exactly one <text> holding the whole string', () => {
    const all = texts(svg);
    for (const label of HINDI) expect(all.filter((t) => t === label)).toHaveLength(1);
    // No label split across elements: no text is a proper fragment of a label.
    for (const t of all) for (const label of HINDI) if (t !== label) expect(label.includes(t) && t.length > 0).toBe(false);
  });

  it('shows tick labels produced by a callback and labels drawn by a plugin', () => {
    const all = texts(svg);
    expect(all).toContain('0 लाख');
    expect(all).toContain('100 लाख');
    expect(all.filter((t) => t.startsWith('मान '))).toHaveLength(HINDI.length);
  });

  it('turns var(--x) colours into classes with the palette fallback in <style>', () => {
    expect(svg).toContain('.chart-svg .f-accent{fill:var(--accent,#1f77b4)}');
    expect(svg).toContain('.chart-svg .f-ink{fill:var(--ink,#222222)}');
    expect(svg).toMatch(/<path class="f-accent"/);
    // var() never appears in a presentation attribute.
    expect(svg).not.toMatch(/="[^"]*var\(/);
    // rgba is split into a colour and an opacity.
    expect(svg).toContain('fill="#000" fill-opacity="0.5"');
  });

  it('has a viewBox, the chart-svg class and no fixed pixel size', () => {
    const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
    expect(root).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(root).toContain('viewBox="0 0 800 500"');
    expect(root).toContain('class="chart-svg"');
    expect(root).not.toMatch(/\s(width|height)=/);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('gives the font stack in <style> and only size/weight on text', () => {
    expect(svg).toContain(
      '.chart-svg text{font-family:var(--chart-font,"Noto Sans Devanagari","Noto Sans","Nirmala UI",Mangal,sans-serif)',
    );
    expect(svg).not.toMatch(/font-family=/);
    expect(svg).not.toMatch(/dominant-baseline/);
    expect(svg).toMatch(/font-weight="600"/);
  });

  it('is byte-identical across renders', () => {
    expect(renderSvg(hindiBar() as ChartConfiguration, SIZE)).toBe(svg);
  });

  it('keeps a 10-bar chart with title, legend and ticks under 30 KB', () => {
    const ten = ['आंध्र प्रदेश', 'मध्य प्रदेश', 'उत्तर प्रदेश', 'महाराष्ट्र', 'कर्नाटक', 'तमिलनाडु', 'पश्चिम बंगाल', 'बिहार', 'गुजरात', 'केरल'];
    const big = renderSvg(hindiBar(ten) as ChartConfiguration, SIZE);
    expect(Buffer.byteLength(big)).toBeLessThan(30 * 1024);
    for (const label of ten) expect(texts(big).filter((t) => t === label)).toHaveLength(1);
  });

  it('escapes XML special characters in text', () => {
    const out = renderSvg(hindiBar(['A & B', '<tag> "q"', 'मध्य प्रदेश']) as ChartConfiguration, SIZE);
    expect(textTags(out, 'A &amp; B')).toHaveLength(1);
    expect(textTags(out, '&lt;tag&gt; "q"')).toHaveLength(1);
    expect(out).not.toContain('<tag>');
    expect(texts(out)).toContain('<tag> "q"');
  });

  it('renders a line chart with a logarithmic y axis and point markers', () => {
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels: ['2020', '2021', '2022', '2023'],
        datasets: [
          { label: 'परामर्श', data: [10, 1000, 100000, 1000000], borderColor: 'var(--second)', backgroundColor: 'var(--second)', pointRadius: 4 },
        ],
      },
      options: { scales: { y: { type: 'logarithmic' } } },
    };
    const out = renderSvg(config as ChartConfiguration, { width: 600, height: 400, palette });
    const all = texts(out);
    expect(all).toContain('1,000');
    expect(all).toContain('1,000,000');
    // The line itself, stroked with the palette class.
    expect(out).toMatch(/class="s-second"/);
    // Four round markers: closed paths made of SVG arcs (the second "A" is implicit).
    const markers = [...out.matchAll(/d="M[^"A-Z]*A[^"A-Z]*Z"/g)];
    expect(markers.length).toBeGreaterThanOrEqual(4);
  });

  it('renders doughnut slices as arcs', () => {
    const config: ChartConfiguration<'doughnut'> = {
      type: 'doughnut',
      data: {
        labels: ['हब', 'स्पोक', 'अन्य'],
        datasets: [{ data: [50, 30, 20], backgroundColor: ['var(--accent)', 'var(--second)', '#999'] }],
      },
    };
    const out = renderSvg(config as ChartConfiguration, { width: 400, height: 400, palette });
    const slices = [...out.matchAll(/<path[^>]*d="M[^"]*A[^"]*"/g)];
    expect(slices.length).toBeGreaterThanOrEqual(3);
    expect(out).toMatch(/class="f-accent"[^>]*d="M[^"]*A/);
    expect(texts(out)).toContain('स्पोक');
  });

  it('gives rotated tick labels a transform', () => {
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: { labels: ['आंध्र प्रदेश', 'मध्य प्रदेश'], datasets: [{ label: 'x', data: [1, 2] }] },
      options: { scales: { x: { ticks: { minRotation: 45, maxRotation: 45 } } } },
    };
    const out = renderSvg(config as ChartConfiguration, { width: 400, height: 300, palette });
    const tags = textTags(out, 'मध्य प्रदेश');
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatch(/transform="translate\([\d.]+ [\d.]+\) rotate\(-45\)"/);
    // Unrotated text carries plain x/y.
    expect(textTags(out, 'x')[0]).toMatch(/ x="[\d.]+" y="[\d.]+"/);
  });

  it('adds role="img" and an escaped aria-label when a label is given', () => {
    const out = renderSvg(hindiBar() as ChartConfiguration, { ...SIZE, label: 'राज्य & "सूची"' });
    expect(/^<svg\b[^>]*>/.exec(out)?.[0]).toContain('role="img" aria-label="राज्य &amp; &quot;सूची&quot;"');
  });

  it('paints a background first when asked', () => {
    const out = renderSvg(hindiBar() as ChartConfiguration, { ...SIZE, background: 'var(--accent)' });
    expect(out).toMatch(/<\/style>(<defs>.*?<\/defs>)?<path class="f-accent" d="M0 0H800V500H0Z"\/>/);
  });

  it('fails clearly on a var() without fallback', () => {
    expect(() => renderSvg(hindiBar() as ChartConfiguration, { ...SIZE, palette: {} })).toThrow(/var\(--accent\)/);
  });

  it('does not modify the caller config', () => {
    const config = hindiBar();
    const before = JSON.stringify(config);
    renderSvg(config as ChartConfiguration, SIZE);
    expect(JSON.stringify(config)).toBe(before);
    expect(Object.keys(config.data.datasets[0]?.data ?? {})).toEqual(['0', '1', '2']);
  });
});

describe('renderPng', () => {
  it('is a valid PNG at twice the CSS size by default, identical across renders', () => {
    const a = renderPng(hindiBar() as ChartConfiguration, SIZE);
    const b = renderPng(hindiBar() as ChartConfiguration, SIZE);
    expect(a.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(a.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(a.readUInt32BE(16)).toBe(1600);
    expect(a.readUInt32BE(20)).toBe(1000);
    expect(a.equals(b)).toBe(true);
  });

  it('honours scale', () => {
    const png = renderPng(hindiBar() as ChartConfiguration, { ...SIZE, scale: 1 });
    expect(png.readUInt32BE(16)).toBe(800);
    expect(png.readUInt32BE(20)).toBe(500);
  });
});

describe('resolveCssVars', () => {
  it('deep-copies with var(--x) replaced and functions kept', () => {
    const fn = (): string => 'var(--accent)';
    const input = { a: ['var(--accent)', { b: 'var(--missing, #123456)' }], c: 1, fn };
    const out = resolveCssVars(input, palette);
    expect(out).toEqual({ a: ['#1f77b4', { b: '#123456' }], c: 1, fn });
    expect(out.a).not.toBe(input.a);
    expect(input.a[0]).toBe('var(--accent)');
  });

  it('throws for an unknown variable without inline fallback', () => {
    expect(() => resolveCssVars({ c: 'var(--nope)' }, palette)).toThrow(/--nope/);
  });
});
