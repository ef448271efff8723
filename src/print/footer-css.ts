import { t, type Lang } from '../i18n/index.ts';

/**
 * The printed page's footer as CSS page-margin boxes: the report's short name at the bottom left, the page
 * number in the reader's language at the bottom right ('पृष्ठ 3 / 9', 'Page 3 of 9').
 *
 * Why margin boxes and not Chromium's footerTemplate: the template is a document of its own that cannot use
 * the page's fonts, and a font inlined into it loads while the page is being printed, so on a busy machine
 * the footer was drawn before its font arrived, in a fallback font with no Devanagari (empty boxes). Margin
 * boxes are drawn by the page itself, with the fonts it has already loaded.
 *
 * e.g. footerCss('hi') ->
 *   @page { @bottom-left { content: "आंकड़ों में ई-संजीवनी"; } @bottom-right { content: "पृष्ठ " counter(page) " / " counter(pages); } }
 */
export function footerCss(lang: Lang): string {
  const pageNumber = t(lang, 'print.page', { page: '\u0000page\u0000', total: '\u0000pages\u0000' })
    .split('\u0000')
    .filter((part) => part !== '')
    .map((part) => (part === 'page' || part === 'pages' ? `counter(${part})` : cssString(part)))
    .join(' ');
  const box = `font-family: 'Noto Sans Devanagari', sans-serif; font-size: 8pt; line-height: 1.4; color: #333;`;
  return (
    `/* The printed footer, from src/i18n/${lang}.json (src/print/footer-css.ts). */\n` +
    `@page {\n` +
    `  @bottom-left { content: ${cssString(t(lang, 'site.short'))}; ${box} vertical-align: top; }\n` +
    `  @bottom-right { content: ${pageNumber}; ${box} vertical-align: top; text-align: right; }\n` +
    `}\n`
  );
}

/** A CSS string literal: "…" with its quotes and backslashes escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (character) => `\\${character}`).replace(/\n/g, '\\a ')}"`;
}

/** Where each language's footer style sheet is served: '/hi/print-footer.css'. */
export function footerCssPath(lang: Lang): string {
  return `/${lang}/print-footer.css`;
}
