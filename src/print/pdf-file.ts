import type { Lang } from '../format/format.ts';

/**
 * Where each language's PDF lives in the built site. The report page links it, the build (scripts/pdf.ts)
 * writes it, and the tests fetch it: all three ask here.
 */
export const PDF_FILE_NAME = 'e-sanjeevani-report.pdf';

/** '/hi/e-sanjeevani-report.pdf' */
export function pdfPath(lang: Lang): string {
  return `/${lang}/${PDF_FILE_NAME}`;
}

/** The name a browser saves the download under: one per language, so both can sit in one folder. */
export function pdfDownloadName(lang: Lang): string {
  return `e-sanjeevani-report-${lang}.pdf`;
}

/** Marks the empty element in the page that the PDF step fills with the file's size once the PDF exists. */
export const PDF_SIZE_MARKER = 'data-pdf-size';
