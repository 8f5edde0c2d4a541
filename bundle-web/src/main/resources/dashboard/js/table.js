// Small helpers for the read-only tables: header and rows from column descriptions
// ({key, label, value(row), format(value), number}). Text only (textContent): nothing the
// server sends is ever parsed as HTML.
import { text } from './format.js';

export const cellValue = (column, row) => (column.value ? column.value(row) : row[column.key]);

export function cell(tag, content, key) {
  const element = document.createElement(tag);
  element.textContent = content;
  if (key) {
    element.dataset.key = key;
  }
  return element;
}

export function fillHead(table, columns) {
  const tr = document.createElement('tr');
  tr.append(...columns.map((c) => cell('th', c.label, c.key)));
  table.tHead.replaceChildren(tr);
}

export function row(columns, item) {
  const tr = document.createElement('tr');
  for (const column of columns) {
    const value = cellValue(column, item);
    const td = cell('td', column.format ? column.format(value) : text(value), column.key);
    if (column.number) {
      td.className = 'number';
    }
    tr.append(td);
  }
  return tr;
}

export function fillBody(table, columns, items) {
  table.tBodies[0].replaceChildren(...items.map((item) => row(columns, item)));
}

/** Two-column name / value rows. */
export function fillPairs(table, pairs) {
  table.tBodies[0].replaceChildren(...pairs.map(([name, value]) => {
    const tr = document.createElement('tr');
    tr.dataset.name = name;
    tr.append(cell('th', name), cell('td', text(value)));
    return tr;
  }));
}
