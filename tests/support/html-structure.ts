/**
 * Where a document's nodes end up, checked with parse5 (the WHATWG parsing algorithm, as browsers and the
 * W3C's Nu HTML Checker read a page). A node written after </body> or </html> is a parse error that the
 * parser mends by moving it into <body>, so a browser shows the page, but the Nu checker stops there
 * ("Stray start tag"). html-validate reads the markup as written and does not see it, hence this check.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface StructureProblem {
  line: number;
  column: number;
  message: string;
}

/** e.g. [{ line: 12, column: 8, message: '<script> after </html>' }] */
export function structureProblems(html: string): StructureProblem[] {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const root = document.childNodes.find((node): node is Element => node.nodeName === 'html');
  if (!root) return [{ line: 1, column: 1, message: 'no <html> element' }];
  const body = root.childNodes.find((node): node is Element => node.nodeName === 'body');
  // The later end first, so a node after both is named after </html>.
  const ends = [
    { tag: 'html', at: root.sourceCodeLocation?.endTag?.startOffset },
    { tag: 'body', at: body?.sourceCodeLocation?.endTag?.startOffset },
  ];
  const problems: StructureProblem[] = [];
  const visit = (node: Node) => {
    const location = 'sourceCodeLocation' in node ? node.sourceCodeLocation : undefined;
    const isWhitespace = node.nodeName === '#text' && 'value' in node && node.value.trim() === '';
    if (location && !isWhitespace && node.nodeName !== '#comment') {
      const end = ends.find(({ at }) => at !== undefined && location.startOffset > at);
      if (end) {
        const name = node.nodeName === '#text' ? 'text' : `<${node.nodeName}>`;
        problems.push({ line: location.startLine, column: location.startCol, message: `${name} after </${end.tag}>` });
        return; // its children are after it too; one problem is enough
      }
    }
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(root);
  return problems;
}
