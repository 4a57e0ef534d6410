/**
 * Sortable tables: each `table.sortable` header with `data-sort="number"` or `"text"` becomes a
 * button that sorts the rows by that column's `data-value` (ascending, then descending), and the
 * header carries `aria-sort`. Without JavaScript the table reads in its built order.
 */
function enhance(table: HTMLTableElement): void {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  headers.forEach((th, col) => {
    const kind = th.dataset.sort;
    if (!kind) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      for (const h of headers) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', dir);
      const body = table.tBodies[0];
      if (!body) return;
      const key = (row: HTMLTableRowElement) => row.cells[col]?.dataset.value ?? '';
      const rows = [...body.rows].sort((r1, r2) => {
        const a = key(r1);
        const b = key(r2);
        let c =
          kind === 'number'
            ? (a === '' ? -Infinity : Number(a)) - (b === '' ? -Infinity : Number(b))
            : a.localeCompare(b, document.documentElement.lang);
        if (Number.isNaN(c)) c = 0;
        return dir === 'ascending' ? c : -c;
      });
      body.append(...rows);
    });
  });
}

for (const table of document.querySelectorAll<HTMLTableElement>('table.sortable')) enhance(table);
