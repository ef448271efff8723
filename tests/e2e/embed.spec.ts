/**
 * Embeds as a journalist uses them: the documented codes (read from the gallery page) pasted into a
 * news article served from another origin, with the report's loader, under a Pym.js parent, and as a
 * plain iframe with no script; the loader's refusal of stray messages; the embed pages' own promises
 * (themable, no other origin, no cookie, small; site.spec.ts scans every page, embeds included, for
 * accessibility in both colour schemes); the gallery's copy buttons.
 */
import { expect, test, type Frame, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import ts from 'typescript';
import { CHART_IDS } from '../../src/charts/index.ts';
import { article, startHost, type Host } from './fixtures/host.ts';
import { SITE_DIR } from './support/site.ts';

const LANGS = ['hi', 'en'] as const;
type Lang = (typeof LANGS)[number];
const WIDTHS = [320, 768, 1280];

interface Documented {
  chart: string;
  responsive: string;
  plain: string;
  image: string;
  /** The embed page's address, where the test server serves the report. */
  src: string;
  /** The iframe's title, as the code gives it. */
  title: string;
}

/**
 * The codes the gallery shows for every chart, read from the built gallery page, with the report's address
 * (the build's `site`) replaced by the address the tests serve the build at.
 */
function documentedCodes(lang: Lang, baseURL: string): Documented[] {
  const gallery = parse(readFileSync(join(SITE_DIR, lang, 'embed', 'index.html'), 'utf8'));
  const elements: DefaultTreeAdapterMap['element'][] = [];
  const collect = (node: DefaultTreeAdapterMap['node']) => {
    if ('tagName' in node) elements.push(node);
    if ('childNodes' in node) node.childNodes.forEach(collect);
  };
  collect(gallery);
  const attribute = (element: DefaultTreeAdapterMap['element'], name: string) => element.attrs.find((one) => one.name === name)?.value ?? '';
  const canonical = elements.find((element) => element.tagName === 'link' && attribute(element, 'rel') === 'canonical');
  const site = new URL(canonical ? attribute(canonical, 'href') : '').origin;
  const served = new URL(baseURL).origin;
  const byChart = new Map<string, Documented>();
  for (const area of elements.filter((element) => element.tagName === 'textarea' && attribute(element, 'data-snippet'))) {
    const chart = attribute(area, 'data-chart');
    const code = area.childNodes.map((node) => ('value' in node ? node.value : '')).join('');
    const entry = byChart.get(chart) ?? ({ chart } as Documented);
    (entry as unknown as Record<string, string>)[attribute(area, 'data-snippet')] = code.split(site).join(served);
    byChart.set(chart, entry);
  }
  const documented = [...byChart.values()];
  for (const entry of documented) {
    entry.src = /<iframe src="([^"]+)"/.exec(entry.responsive)?.[1] ?? '';
    entry.title = /title="([^"]+)"/.exec(entry.responsive)?.[1] ?? '';
  }
  return documented;
}

/** The frame inside an iframe element, once its embed page has loaded (lazy iframes load when scrolled to). */
async function embedFrame(iframe: Locator): Promise<Frame> {
  await iframe.scrollIntoViewIfNeeded();
  let frame: Frame | null = null;
  await expect
    .poll(async () => {
      frame = await (await iframe.elementHandle())?.contentFrame() ?? null;
      return frame?.url() ?? '';
    }, { timeout: 15_000 })
    .toContain('/embed/');
  const loaded = frame as unknown as Frame;
  await loaded.waitForLoadState('load');
  await loaded.evaluate(() => document.fonts.ready.then(() => undefined));
  return loaded;
}

/** What the embed page inside `frame` measures, and whether anything overflows its window. */
function inside(frame: Frame) {
  return frame.evaluate(() => {
    const root = document.documentElement;
    const last = document.querySelector('.embed-foot')?.getBoundingClientRect();
    return {
      content: Math.ceil(root.getBoundingClientRect().height),
      window: window.innerHeight,
      scrollHeight: root.scrollHeight,
      scrollWidth: root.scrollWidth,
      clientWidth: root.clientWidth,
      innerWidth: window.innerWidth,
      footBottom: last ? Math.ceil(last.bottom) : Infinity,
      drawing: [...document.querySelectorAll('.chart-variant')].filter((variant) => variant.getClientRects().length > 0).length,
    };
  });
}

/** Asserts that the whole embed shows in its iframe, with nothing cut off and no scroll bar. */
async function expectWholeChart(frame: Frame, label: string) {
  const seen = await inside(frame);
  expect(seen.drawing, `${label}: one drawing shows`).toBe(1);
  expect(seen.content, `${label}: content height within the iframe`).toBeLessThanOrEqual(seen.window + 1);
  expect(seen.footBottom, `${label}: the source and links are inside the iframe`).toBeLessThanOrEqual(seen.window + 1);
  expect(seen.scrollHeight, `${label}: no vertical overflow`).toBeLessThanOrEqual(seen.window + 1);
  expect(seen.scrollWidth, `${label}: no sideways overflow`).toBeLessThanOrEqual(seen.clientWidth);
  expect(seen.clientWidth, `${label}: no scroll bar`).toBe(seen.innerWidth);
  return seen;
}

/** Waits until the iframe is as tall as its content (within 2 px), then checks nothing is cut off. */
async function expectSizedToContent(iframe: Locator, frame: Frame, label: string) {
  await expect
    .poll(async () => {
      const { content } = await inside(frame);
      const height = await iframe.evaluate((element) => (element as HTMLIFrameElement).clientHeight);
      return Math.abs(height - content);
    }, { message: `${label}: iframe height follows its content`, timeout: 10_000 })
    .toBeLessThanOrEqual(2);
  await expectWholeChart(frame, label);
}

let host: Host;
let stranger: Host;
test.beforeAll(async () => {
  host = await startHost();
  stranger = await startHost();
});
test.afterAll(async () => {
  await host?.close();
  await stranger?.close();
});

/** Records AMP's embed-size messages in the article, each with the address of the iframe that sent it. */
const AMP_RECORDER =
  "<script>window.ampSizes=[];addEventListener('message',function(e){if(!e.data||e.data.sentinel!=='amp')return;" +
  "var f=[].filter.call(document.getElementsByTagName('iframe'),function(i){return i.contentWindow===e.source})[0];" +
  "ampSizes.push({src:f?f.src:'',height:e.data.height,type:e.data.type});});</script>";

// One article per language and width with every chart's code pasted in it, as a live blog or a CMS page holds
// several: each test loads every chart's embed once and checks each of them (sizing, AMP, Pym, the plain code).
for (const lang of LANGS) {
  test.describe(`${lang} embeds in a news article on another origin`, () => {
    for (const width of WIDTHS) {
      test(`at ${width} px: the responsive codes, all pasted in one article with a script each, size every chart to its content and tell AMP`, async ({ page, baseURL }) => {
        const codes = documentedCodes(lang, baseURL ?? '');
        expect(codes.map((code) => code.chart).sort()).toEqual([...CHART_IDS].sort());
        const url = host.page(
          `/${lang}-responsive-${width}.html`,
          article(codes.map((code) => `<div class="embed-slot">${code.responsive}</div>`).join('\n'), { head: AMP_RECORDER, lang }),
        );
        const requests: string[] = [];
        page.on('request', (request) => requests.push(request.url()));
        await page.setViewportSize({ width, height: 900 });
        await page.goto(url);
        const iframes = page.locator('iframe');
        await expect(iframes).toHaveCount(codes.length);
        for (const [index, code] of codes.entries()) {
          const iframe = iframes.nth(index);
          await expect(iframe).toHaveAttribute('title', /.+/);
          await expect(iframe).toHaveAttribute('loading', 'lazy');
          const frame = await embedFrame(iframe);
          await expectSizedToContent(iframe, frame, `${code.chart} at ${width}`);
          // AMP's embed-size message came from this iframe with its height.
          const height = await iframe.evaluate((element) => (element as HTMLIFrameElement).clientHeight);
          const amp = () =>
            page.evaluate((src) => (window as unknown as { ampSizes: { src: string; height: number; type: string }[] }).ampSizes.filter((one) => one.src === src), code.src);
          await expect
            .poll(async () => (await amp()).some((message) => message.type === 'embed-size' && Math.abs(message.height - height) <= 2), {
              message: `${code.chart} at ${width}: AMP told its height`,
            })
            .toBe(true);
        }
        // Nothing was asked of any origin but the article's and the report's.
        const origins = new Set(requests.map((request) => new URL(request).origin));
        for (const origin of origins) expect([host.origin, new URL(baseURL ?? '').origin]).toContain(origin);
      });

      test(`at ${width} px: Pym.js parents size every chart with no change`, async ({ page, baseURL }) => {
        const codes = documentedCodes(lang, baseURL ?? '');
        const body = codes
          .map(
            ({ chart, src, title }) =>
              `<div class="embed-slot" id="pym-${chart}"></div>\n<script>new pym.Parent('pym-${chart}', ${JSON.stringify(src)}, { title: ${JSON.stringify(title)} });</script>`,
          )
          .join('\n');
        const url = host.page(`/${lang}-pym-${width}.html`, article(body, { head: '<script src="/pym.v1.min.js"></script>', lang }));
        await page.setViewportSize({ width, height: 900 });
        await page.goto(url);
        for (const { chart } of codes) {
          const iframe = page.locator(`#pym-${chart} iframe`);
          const frame = await embedFrame(iframe);
          expect(frame.url()).toContain(`childId=pym-${chart}`);
          await expectSizedToContent(iframe, frame, `${chart} under Pym.js at ${width}`);
        }
      });

      test(`at ${width} px: the plain codes show every whole chart with no script`, async ({ page, baseURL }) => {
        const codes = documentedCodes(lang, baseURL ?? '');
        const url = host.page(`/${lang}-plain-${width}.html`, article(codes.map((code) => `<div class="embed-slot">${code.plain}</div>`).join('\n'), { lang }));
        await page.setViewportSize({ width, height: 900 });
        await page.goto(url);
        const iframes = page.locator('iframe');
        await expect(iframes).toHaveCount(codes.length);
        for (const [index, { chart }] of codes.entries()) {
          const iframe = iframes.nth(index);
          const frame = await embedFrame(iframe);
          const fixed = Number(await iframe.getAttribute('height'));
          expect(await iframe.evaluate((element) => (element as HTMLIFrameElement).clientHeight)).toBe(fixed);
          const seen = await expectWholeChart(frame, `${chart} plain at ${width}`);
          expect(seen.content).toBeLessThanOrEqual(fixed);
          // A sensible height: the tallest the page gets at any common width, so a wide screen, which shows
          // the shorter wide drawing, is left some space below; never most of the frame.
          expect(fixed - seen.content, `${chart}: space left below at ${width}`).toBeLessThan(fixed * 0.4);
        }
      });
    }
  });
}

test('the loader ignores messages from other origins, messages naming another iframe and malformed ones', async ({ page, baseURL }) => {
  const codes = documentedCodes('en', baseURL ?? '').slice(0, 2);
  const [first, second] = codes as [Documented, Documented];
  const nameOf = (code: Documented) => new URL(code.src).pathname;
  // A third origin, posting a message that is otherwise exactly right for the first iframe; it says when it has.
  const evil = stranger.page(
    '/evil.html',
    `<!doctype html><title>ad</title><body><script>parent.postMessage(${JSON.stringify(['pym', nameOf(first), 'height', '1234'].join('xPYMx'))}, '*'); document.body.insertAdjacentHTML('beforeend', '<p id="sent">sent</p>');</script>`,
  );
  const url = host.page(
    '/en-hostile.html',
    article(`<div class="embed-slot">${first.responsive}</div><div class="embed-slot">${second.responsive}</div><div id="ads"></div>`),
  );
  await page.setViewportSize({ width: 768, height: 2400 });
  await page.goto(url);
  const iframes = page.locator('.embed-slot iframe');
  const frames = [await embedFrame(iframes.nth(0)), await embedFrame(iframes.nth(1))];
  await expectSizedToContent(iframes.nth(0), frames[0] as Frame, 'first');
  await expectSizedToContent(iframes.nth(1), frames[1] as Frame, 'second');
  const heights = () => iframes.evaluateAll((elements) => elements.map((element) => (element as HTMLIFrameElement).clientHeight));
  const before = await heights();
  // From here on, every height the loader sets is written down.
  await iframes.evaluateAll((elements) => {
    const log: string[] = [];
    (window as unknown as { heightLog: string[] }).heightLog = log;
    elements.forEach((element, index) =>
      new MutationObserver(() => log.push(`${index}:${element.getAttribute('height')}`)).observe(element, { attributeFilter: ['height'] }),
    );
  });

  // The article's own origin.
  await page.evaluate((message) => window.postMessage(message, '*'), ['pym', nameOf(first), 'height', '1234'].join('xPYMx'));
  // Another origin, from an iframe of its own.
  await page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'advertisement';
    document.getElementById('ads')?.append(frame);
  }, evil);
  await expect(page.frameLocator('#ads iframe').locator('#sent')).toHaveCount(1);
  // The first embed naming the second, and the first embed sending what is not a height.
  const fromFirst = frames[0] as Frame;
  await fromFirst.evaluate(
    ({ other, self }) => {
      const send = (message: unknown) => parent.postMessage(message, '*');
      send(['pym', other, 'height', '1234'].join('xPYMx'));
      send(['pym', self, 'height', '-5'].join('xPYMx'));
      send(['pym', self, 'height', '12abc'].join('xPYMx'));
      send(['pym', self, 'height', '99999999'].join('xPYMx'));
      send(['pym', self, 'height', '1234', 'extra'].join('xPYMx'));
      send(['pym', self, 'width', '1234'].join('xPYMx'));
      send(`pym${self}height1234`);
      send({ sentinel: 'amp', type: 'embed-size', height: 1234 });
      send(null);
    },
    { other: nameOf(second), self: nameOf(first) },
  );

  // The control: the same message, sent properly by the first embed about itself, is obeyed. It comes after
  // the others from the same window, so once it has been obeyed they have all been read.
  await fromFirst.evaluate((self) => parent.postMessage(['pym', self, 'height', '777'].join('xPYMx'), '*'), nameOf(first));
  await expect.poll(heights).toEqual([777, before[1]]);
  expect(await page.evaluate(() => (window as unknown as { heightLog: string[] }).heightLog)).toEqual(['0:777']);
});

test('the loader is under 2 KB of plain ES5 with no dependencies', async ({ request }) => {
  const served = await request.get('/embed.js');
  expect(served.status()).toBe(200);
  const source = await served.text();
  expect(source).toBe(readFileSync('public/embed.js', 'utf8'));
  expect(Buffer.byteLength(source)).toBeLessThan(2048);
  // Nothing newer than ES5: no let/const, arrows, classes, template strings, spread, destructuring, for-of, modules.
  const newer = new Set([
    ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.ClassExpression, ts.SyntaxKind.TemplateExpression,
    ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.SpreadElement, ts.SyntaxKind.ObjectBindingPattern,
    ts.SyntaxKind.ArrayBindingPattern, ts.SyntaxKind.ForOfStatement, ts.SyntaxKind.ImportDeclaration, ts.SyntaxKind.ExportDeclaration,
    ts.SyntaxKind.AwaitExpression, ts.SyntaxKind.YieldExpression, ts.SyntaxKind.ShorthandPropertyAssignment, ts.SyntaxKind.ComputedPropertyName,
  ]);
  const found: string[] = [];
  const file = ts.createSourceFile('embed.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const visit = (node: ts.Node) => {
    if (newer.has(node.kind)) found.push(ts.SyntaxKind[node.kind]);
    if (ts.isVariableDeclarationList(node) && node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) found.push('let/const');
    ts.forEachChild(node, visit);
  };
  visit(file);
  expect(found).toEqual([]);
  expect(source).not.toMatch(/\bimport\s*\(|\brequire\(/);
});

/** The id of the report section whose chart it is, read from the built report: the embed's canonical points there. */
function sectionOf(lang: Lang, chart: string): string | undefined {
  const html = readFileSync(join(SITE_DIR, lang, 'index.html'), 'utf8');
  let found: string | undefined;
  const visit = (node: DefaultTreeAdapterMap['node'], section?: DefaultTreeAdapterMap['element']) => {
    if (!('tagName' in node)) {
      if ('childNodes' in node) node.childNodes.forEach((child) => visit(child, section));
      return;
    }
    const here = node.tagName === 'section' ? node : section;
    if (node.tagName === 'figure' && node.attrs.some((attribute) => attribute.name === 'data-chart' && attribute.value === chart) && here) {
      const heading = here.childNodes.find((child) => 'tagName' in child && child.tagName === 'h2');
      found ??= heading && 'attrs' in heading ? heading.attrs.find((attribute) => attribute.name === 'id')?.value : undefined;
    }
    node.childNodes.forEach((child) => visit(child, here));
  };
  visit(parse(html));
  return found;
}

test.describe('embed pages', () => {
  for (const lang of LANGS) {
    for (const chart of CHART_IDS) {
      test(`${lang}/${chart}: asks no other origin for anything, sets no cookie, weighs under 25 KB compressed before fonts, links back to its section, is noindex, and shares its chart PNG, which the image code uses too`, async ({ page, context, request, baseURL }) => {
        // One page load for what the page asks for and what it says.
        const origin = new URL(baseURL ?? '').origin;
        const loaded: Promise<{ type: string; body: Buffer; cookie: boolean }>[] = [];
        const foreign: string[] = [];
        page.on('request', (sent) => {
          if (!sent.url().startsWith(`${origin}/`) && !sent.url().startsWith('data:')) foreign.push(sent.url());
        });
        page.on('response', (response) =>
          loaded.push(
            response.body().then((body) => ({ type: response.request().resourceType(), body, cookie: 'set-cookie' in response.headers() })),
          ),
        );
        await page.goto(`/${lang}/embed/${chart}/`);
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const files = await Promise.all(loaded);
        expect(foreign).toEqual([]);
        expect(files.some((file) => file.cookie)).toBe(false);
        expect(await page.evaluate(() => document.cookie)).toBe('');
        expect(await context.cookies()).toEqual([]);
        const notFonts = files.filter((file) => file.type !== 'font');
        const compressed = notFonts.reduce((sum, file) => sum + gzipSync(file.body).length, 0);
        const fonts = files.filter((file) => file.type === 'font').reduce((sum, file) => sum + file.body.length, 0);
        test.info().annotations.push({ type: 'size', description: `${compressed} B gzip in ${notFonts.length} file(s), fonts ${fonts} B` });
        expect(compressed).toBeLessThan(25 * 1024);

        await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', 'noindex');
        const canonical = new URL((await page.locator('link[rel=canonical]').getAttribute('href')) ?? '');
        expect(canonical.pathname).toBe(`/${lang}/`);
        const section = sectionOf(lang, chart);
        expect(section, `the report section that holds ${chart}`).toBeDefined();
        expect(canonical.hash).toBe(`#${section}`);
        const back = new URL((await page.locator('.embed-foot a[target=_blank]').getAttribute('href')) ?? '', page.url());
        expect(back.hash).toBe(canonical.hash);
        await expect(page.locator('h1')).toHaveText(/.+/);
        await expect(page.locator('svg[role=img]')).toHaveCount(2);

        // The Open Graph image: the chart PNG, at least 1200 px wide.
        const image = new URL((await page.locator('meta[property="og:image"]').getAttribute('content')) ?? '');
        expect(image.pathname).toBe(`/${lang}/charts/${chart}.png`);
        await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
        const response = await request.get(image.pathname);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toBe('image/png');
        expect((await response.body()).readUInt32BE(16)).toBeGreaterThanOrEqual(1200);
        // The gallery's image code shows that PNG, with the chart's text alternative.
        const alt = await page.locator('.chart-alt').textContent();
        const code = documentedCodes(lang, baseURL ?? '').find((entry) => entry.chart === chart);
        expect(code?.image).toContain(`src="${origin}/${lang}/charts/${chart}.png"`);
        const imgAlt = /alt="([^"]*)"/.exec(code?.image ?? '')?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
        expect(imgAlt).toBeDefined();
        expect(imgAlt).toBe(alt);
      });
    }
  }

  test('follow the reader’s colour scheme, and ?theme= overrides it either way', async ({ page }) => {
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/hi/embed/states-total/');
    expect(await background()).toBe('rgb(253, 252, 249)');
    await page.goto('/hi/embed/states-total/?theme=dark');
    expect(await background()).toBe('rgb(22, 22, 21)');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/hi/embed/states-total/');
    expect(await background()).toBe('rgb(22, 22, 21)');
    await page.goto('/hi/embed/states-total/?theme=light');
    expect(await background()).toBe('rgb(253, 252, 249)');
    // The drawing follows: its bars take the theme's colours.
    const bar = await page.locator('.chart-variant:visible svg .f-chart-bar').first().evaluate((path) => getComputedStyle(path).fill);
    expect(bar).toBe('rgb(122, 140, 153)');
  });
});

test.describe('the gallery', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  for (const lang of LANGS) {
    test(`${lang}: a copy button, used from the keyboard, copies exactly the code shown and says so`, async ({ page }) => {
      await page.goto(`/${lang}/embed/`); // axe scans it with every other page in site.spec.ts
      for (const kind of ['responsive', 'plain', 'image']) {
        const block = page.locator(`.embed-code[data-kind="${kind}"]`).first();
        const code = await block.locator('textarea').inputValue();
        expect(code).toContain(`/${lang}/`);
        const button = block.locator('button');
        await button.focus();
        await page.keyboard.press('Enter');
        const status = block.locator('[role=status]');
        await expect(status).toHaveText((await button.getAttribute('data-done')) ?? 'x');
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      }
      // The other language's codes are one link away.
      const other = lang === 'hi' ? 'en' : 'hi';
      await expect(page.locator(`main a[href="/${other}/embed/"]`)).toHaveCount(1);
    });
  }

  test('every chart in the report has an "Embed this chart" link to its codes', async ({ page }) => {
    for (const lang of LANGS) {
      await page.goto(`/${lang}/`);
      const charts = await page.locator('figure.chart[data-chart]').evaluateAll((figures) => figures.map((figure) => figure.getAttribute('data-chart')));
      expect(charts.length).toBeGreaterThanOrEqual(5);
      for (const chart of charts) {
        const link = page.locator(`figure[data-chart="${chart}"] a[href^="/${lang}/embed/"]`);
        await expect(link).toHaveAttribute('href', `/${lang}/embed/#${chart}`);
        const gallery = await page.request.get(`/${lang}/embed/`);
        expect(gallery.status()).toBe(200);
        // The gallery's entry for the chart, with its codes.
        expect(await gallery.text()).toMatch(new RegExp(`<section[^>]* id="${chart}"[^>]*>[\\s\\S]*?data-chart="${chart}" data-snippet="responsive"`));
      }
    }
  });
});
