/**
 * The burst of "unrelated" page changes the watcher must shrug off: what a
 * host does all day outside the open thread or event (list rows arriving,
 * previews and timestamps re-rendered, attributes toggled on rows). It uses
 * the adapter's own watched attribute names on elements that match none of
 * its selectors, so the watcher's attribute path is exercised too.
 *
 * Self-contained (no imports, no closures): the browser half of the
 * benchmark ships it into the page with `Function.prototype.toString`.
 */
export function mutationBurst(doc: Document, attributeName: string, count = 1000): void {
  let box = doc.getElementById('sidecar-bench-burst');
  if (!box) {
    box = doc.createElement('div');
    box.id = 'sidecar-bench-burst';
    doc.body.append(box);
  }
  box.textContent = '';
  const rows: Element[] = [];
  const appends = Math.floor(count * 0.4);
  for (let i = 0; i < appends; i += 1) {
    const row = doc.createElement('div');
    const cell = doc.createElement('span');
    cell.textContent = `row ${i}`;
    row.append(cell);
    box.append(row);
    rows.push(row);
  }
  const texts = Math.floor(count * 0.3);
  for (let i = 0; i < texts; i += 1) (rows[i % rows.length] as Element).textContent = `updated ${i}`;
  for (let i = 0; i < count - appends - texts; i += 1) (rows[i % rows.length] as Element).setAttribute(attributeName, String(i));
}
