// The header row of a data table: every column header is a <th scope="col">, and numeric
// columns are right-aligned like their cells. One component, so every table in the app gets
// the same accessible header markup.
import type { ComponentChildren } from 'preact';

export interface TableColumn {
  label: ComponentChildren;
  numeric?: boolean;
}

export function TableHead({ columns }: { columns: Array<TableColumn | string> }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const { label, numeric } = typeof column === 'string' ? { label: column, numeric: false } : column;
          return (
            <th scope="col" class={numeric ? 'numeric' : undefined}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
