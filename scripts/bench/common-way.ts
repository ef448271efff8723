/**
 * Two pages with the same chart (states-total), written into the benchmark's temporary folder, never
 * into the site:
 *
 *   svg/      the report's way: the build-time SVG (chartSvg, the narrow drawing a phone gets), inline.
 *   chartjs/  the common way: Chart.js's UMD build (node_modules/chart.js/dist/chart.umd.min.js, same
 *             origin), the chart's data fetched as CSV, the chart drawn in the browser on a canvas.
 *
 * Both pages have the same shell (title, heading, one figure, no web fonts: each draws with the same
 * system font stack, the one the SVG names) so the difference is only how the chart gets to the screen.
 * The Chart.js page is the plain version a developer would write: the bars, axis and colours, no
 * value labels at the bar ends (those would need a plugin: one more script, left out, so if anything the
 * common way is counted lighter than it would ship).
 *
 * Each page sets the performance mark 'chart-visible' once the first frame after the chart is complete
 * has been painted (AFTER_NEXT_PAINT); compare.ts explains the measure. The SVG page does it with a tiny script after the figure,
 * the Chart.js page from a plugin's afterRender hook (animation off, so the first render is the final one).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const COMPARE_CHART = 'states-total';

/**
 * Sets the mark 'chart-visible' once the next frame has been painted: a requestAnimationFrame callback
 * runs just before the frame's rendering, and a message posted from it is handled just after it.
 */
export const AFTER_NEXT_PAINT =
  'function afterNextPaint(){requestAnimationFrame(function(){var c=new MessageChannel();c.port1.onmessage=function(){performance.mark("chart-visible")};c.port2.postMessage(0)})}';

export interface CommonWayPages {
  root: string;
  svgPath: string;
  chartjsPath: string;
  chartjsVersion: string;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function shell(lang: string, title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{margin:0 auto;padding:10px;max-width:680px;font-family:var(--chart-font);color:#1d1d1b;background:#fdfcf9}h1{font-size:1.25rem}figure{margin:0}</style>
${head}
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

export async function writeCommonWayPages(root: string, lang: 'hi' | 'en'): Promise<CommonWayPages> {
  const { chartHeight, chartSvg, WIDTHS } = await import('../../src/charts/build.ts');
  const { chartById } = await import('../../src/charts/index.ts');
  const { CHART_PALETTE } = await import('../../src/charts/palette.ts');
  const { CHART_FONT } = await import('../../src/charts/common.ts');
  const { HIGHLIGHT } = await import('../../src/charts/definitions/states-total.ts');
  const chart = chartById(COMPARE_CHART);
  const title = chart.title(lang);
  const fontRule = `<style>:root{--chart-font:${CHART_FONT}}</style>`;

  // The report's way.
  mkdirSync(join(root, 'svg'), { recursive: true });
  const svg = chartSvg(COMPARE_CHART, lang, 'narrow').replace('<svg ', `<svg role="img" aria-label="${escapeHtml(chart.alt(lang))}" `);
  const marker = `<script>${AFTER_NEXT_PAINT}afterNextPaint();</script>`;
  writeFileSync(join(root, 'svg', 'index.html'), shell(lang, title, fontRule, `<figure>${svg}</figure>\n${marker}`));

  // The common way.
  const dir = join(root, 'chartjs');
  mkdirSync(dir, { recursive: true });
  const umd = fileURLToPath(new URL('../../node_modules/chart.js/dist/chart.umd.min.js', import.meta.url));
  const chartjsVersion = (JSON.parse(readFileSync(fileURLToPath(new URL('../../node_modules/chart.js/package.json', import.meta.url)), 'utf8')) as { version: string }).version;
  copyFileSync(umd, join(dir, 'chart.umd.min.js'));
  writeFileSync(join(dir, `${COMPARE_CHART}.csv`), chart.csv());
  const height = chartHeight(COMPARE_CHART, WIDTHS.narrow);
  const settings = {
    name: lang === 'hi' ? 'name_hi' : 'name_en',
    unit: lang === 'hi' ? 'लाख' : 'lakh',
    highlight: HIGHLIGHT,
    colors: { bar: CHART_PALETTE['chart-bar'], highlight: CHART_PALETTE['chart-highlight'], rest: CHART_PALETTE['chart-rest'], text: CHART_PALETTE['chart-text'], grid: CHART_PALETTE['chart-grid'] },
    font: CHART_FONT,
  };
  writeFileSync(
    join(dir, 'app.js'),
    `// Fetch the data, parse the CSV, draw the chart with Chart.js.
${AFTER_NEXT_PAINT}
var settings = ${JSON.stringify(settings)};
function parseCsv(text) {
  var rows = [], row = [], cell = '', quoted = false;
  for (var i = 0; i < text.length; i++) {
    var c = text[i];
    if (quoted) { if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c; }
    else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (c !== '\\r') cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  var header = rows.shift();
  return rows.map(function (cells) { var o = {}; header.forEach(function (h, j) { o[h] = cells[j]; }); return o; });
}
fetch('${COMPARE_CHART}.csv').then(function (r) { return r.text(); }).then(function (text) {
  var rows = parseCsv(text);
  var painted = false;
  Chart.defaults.font.family = settings.font;
  Chart.defaults.color = settings.colors.text;
  new Chart(document.getElementById('chart'), {
    type: 'bar',
    data: {
      labels: rows.map(function (r) { return r[settings.name]; }),
      datasets: [{
        data: rows.map(function (r) { return Number(r.consultations); }),
        backgroundColor: rows.map(function (r) { return r.code === settings.highlight ? settings.colors.highlight : r.code === 'rest' ? settings.colors.rest : settings.colors.bar; }),
      }],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: {
        x: { grid: { color: settings.colors.grid }, ticks: { callback: function (v) { return v === 0 ? '0' : v / 100000 + ' ' + settings.unit; } } },
        y: { grid: { display: false } },
      },
    },
    plugins: [{
      id: 'chart-visible',
      afterRender: function () {
        if (painted) return;
        painted = true;
        afterNextPaint();
      },
    }],
  });
});
`,
  );
  const canvas = `<figure><div style="position:relative;height:${height}px"><canvas id="chart" role="img" aria-label="${escapeHtml(chart.alt(lang))}"></canvas></div></figure>`;
  writeFileSync(
    join(dir, 'index.html'),
    shell(lang, title, `${fontRule}\n<script src="chart.umd.min.js" defer></script>\n<script src="app.js" defer></script>`, canvas),
  );
  return { root, svgPath: '/svg/', chartjsPath: '/chartjs/', chartjsVersion };
}
