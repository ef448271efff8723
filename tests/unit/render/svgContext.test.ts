import { describe, expect, it } from 'vitest';
import { SvgContext } from '../../../src/charts/render/svgContext.ts';
import { fmt } from '../../../src/charts/render/xml.ts';

function context(): SvgContext {
  return new SvgContext({ width: 200, height: 100 }, { accent: '#123456' });
}

function body(ctx: SvgContext): string {
  const svg = ctx.toSvg({ width: 200, height: 100 });
  return svg.slice(svg.indexOf('</style>') + 8, -'</svg>'.length);
}

describe('SvgContext text', () => {
  it('converts textBaseline to an alphabetic y with the measured em box', () => {
    const ctx = context();
    ctx.font = '20px sans-serif';
    const m = ctx.measureText('मध्य');
    ctx.textBaseline = 'top';
    ctx.fillText('मध्य', 10, 50);
    ctx.textBaseline = 'middle';
    ctx.fillText('प्रदेश', 10, 50);
    ctx.textBaseline = 'bottom';
    ctx.fillText('एच', 10, 50);
    const out = body(ctx);
    expect(out).toContain(`y="${fmt(50 + m.emHeightAscent)}">मध्य<`);
    expect(out).toContain(`y="${fmt(50 + (m.emHeightAscent - m.emHeightDescent) / 2)}">प्रदेश<`);
    expect(out).toContain(`y="${fmt(50 - m.emHeightDescent)}">एच<`);
  });

  it('maps textAlign to text-anchor', () => {
    const ctx = context();
    for (const align of ['left', 'start', 'center', 'right', 'end'] as const) {
      ctx.textAlign = align;
      ctx.fillText(align, 0, 0);
    }
    // Runs with equal paint and font share one <g>; 'start' is the SVG default and is not written.
    expect(body(ctx)).toBe(
      '<g fill="#000" font-size="10"><text x="0" y="0">left</text><text x="0" y="0">start</text></g>' +
        '<text fill="#000" font-size="10" text-anchor="middle" x="0" y="0">center</text>' +
        '<g fill="#000" font-size="10" text-anchor="end"><text x="0" y="0">right</text><text x="0" y="0">end</text></g>',
    );
  });

  it('uses a transform only when the matrix is not a pure translation', () => {
    const ctx = context();
    ctx.translate(30, 40);
    ctx.fillText('a', 1, 2);
    ctx.rotate(Math.PI / 2);
    ctx.fillText('b', 0, 0);
    const out = body(ctx);
    expect(out).toMatch(/x="31" y="42">a</);
    expect(out).toMatch(/transform="translate\(30 40\) rotate\(90\)">b</);
  });

  it('splits rgba into colour and opacity and applies globalAlpha', () => {
    const ctx = context();
    ctx.fillStyle = 'rgba(255, 0, 0, 0.5)';
    ctx.globalAlpha = 0.5;
    ctx.fillRect(0, 0, 10, 10);
    expect(body(ctx)).toBe('<path fill="#f00" fill-opacity="0.25" d="M0 0H10V10H0Z"/>');
  });

  it('squeezes text to maxWidth with textLength', () => {
    const ctx = context();
    ctx.font = '12px x';
    ctx.fillText('एचडब्ल्यूसी एचडब्ल्यूसी', 0, 10, 20);
    expect(body(ctx)).toMatch(/textLength="20" lengthAdjust="spacingAndGlyphs"/);
  });
});

describe('SvgContext paths', () => {
  it('merges stroke() into the preceding fill() of the same path', () => {
    const ctx = context();
    ctx.fillStyle = 'var(--accent)';
    ctx.strokeStyle = '#00000080';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.rect(1, 2, 3, 4);
    ctx.fill();
    ctx.stroke();
    expect(body(ctx)).toBe(
      '<path class="f-accent" stroke="#000" stroke-opacity="0.502" stroke-width="2" stroke-miterlimit="10" d="M1 2H4V6H1Z"/>',
    );
  });

  it('writes full circles as two arcs and rounds to 2 decimals', () => {
    const ctx = context();
    ctx.beginPath();
    ctx.arc(10.123456, 20, 5, 0, Math.PI * 2);
    ctx.fill();
    // Black is written explicitly: page CSS such as `svg { fill: currentColor }` would otherwise leak in.
    expect(body(ctx)).toBe('<path fill="#000" d="M15.12 20A5 5 0 0 1 5.12 20 5 5 0 0 1 15.12 20"/>');
  });

  it('groups runs of elements with identical paint', () => {
    const ctx = context();
    ctx.strokeStyle = '#ccc';
    for (const x of [10, 20, 30]) {
      ctx.beginPath();
      ctx.moveTo(x, 0);
      ctx.lineTo(x, 100);
      ctx.stroke();
    }
    expect(body(ctx)).toBe('<g fill="none" stroke="#ccc"><path d="M10 0V100"/><path d="M20 0V100"/><path d="M30 0V100"/></g>');
  });

  it('keeps a clip that cuts something and drops one that cuts nothing', () => {
    const ctx = context();
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, 50, 50);
    ctx.clip();
    ctx.fillRect(10, 10, 10, 10);
    ctx.restore();
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, 50, 50);
    ctx.clip();
    ctx.fillRect(40, 40, 30, 30);
    ctx.restore();
    ctx.fillRect(90, 90, 5, 5);
    const svg = ctx.toSvg({ width: 200, height: 100, idPrefix: 'k' });
    expect(svg).toContain('<defs><clipPath id="k-c0"><path d="M0 0H50V50H0Z"/></clipPath></defs>');
    expect(svg).toContain(
      '<path fill="#000" d="M10 10H20V20H10Z"/><g clip-path="url(#k-c0)"><path fill="#000" d="M40 40H70V70H40Z"/></g><path fill="#000" d="M90 90H95V95H90Z"/>',
    );
  });

  it('restores state, dash patterns and transforms', () => {
    const ctx = context();
    ctx.save();
    ctx.setLineDash([4, 2, 1]);
    ctx.translate(5, 5);
    expect(ctx.getLineDash()).toEqual([4, 2, 1, 4, 2, 1]);
    ctx.restore();
    expect(ctx.getLineDash()).toEqual([]);
    expect(ctx.getTransform()).toEqual({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 });
  });

  it('rejects gradients with a clear error and records nothing for clearRect/drawImage', () => {
    const ctx = context();
    expect(() => ctx.createLinearGradient()).toThrow(/gradients are not supported/);
    ctx.clearRect(0, 0, 200, 100);
    ctx.drawImage({}, 0, 0);
    expect(body(ctx)).toBe('');
  });
});
