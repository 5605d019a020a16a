/**
 * The shape of a piece of page, with nothing a person wrote or that
 * identifies them: tag names and attribute names only. This is the only form
 * in which host HTML may go into a log or an error report, so a bug report
 * about "Gmail changed its page" never carries a subject, a name, an address
 * or a line of a message. Text, comments and every attribute value
 * (including class names, which can be set by message authors) are dropped.
 *
 * Output is cut at `maxLength` characters, marked with "…".
 */
const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;

export function scrubHtml(element: Element, maxLength = 20_000): string {
  let out = '';
  const visit = (el: Element): boolean => {
    const tag = el.localName;
    const names = [...el.attributes].map((a) => ' ' + a.name).join('');
    out += `<${tag}${names}>`;
    if (out.length > maxLength) return false;
    if (VOID.test(tag)) return true;
    for (const child of el.children) if (!visit(child)) return false;
    out += `</${tag}>`;
    return out.length <= maxLength;
  };
  return visit(element) ? out : out.slice(0, maxLength) + '…';
}
