'use client';

import type { HTMLAttributes, Key, ReactNode } from 'react';
import { Spin } from 'antd';

export interface LightColumn<T> {
  key: string;
  title: ReactNode;
  width?: number;
  render(row: T, index: number): ReactNode;
}

export interface LightTableProps<T> {
  columns: ReadonlyArray<LightColumn<T>>;
  rows: readonly T[];
  rowKey(row: T): Key;
  loading?: boolean;
  empty?: ReactNode;
  /** Extra attributes of a row (test ids, click handlers). */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  minWidth?: number;
  size?: 'middle' | 'small';
  testId?: string;
}

/**
 * A plain table styled like antd's, for the matters pages: antd Table (with its pagination,
 * dropdown and checkbox code) would put them over the 400 kB first-load budget, and these lists
 * need none of it (paging is by cursor, sorting by the API).
 */
export function LightTable<T>({ columns, rows, rowKey, loading, empty = '暂无数据', rowProps, minWidth, size = 'middle', testId }: LightTableProps<T>) {
  return (
    <div className={`light-table light-table-${size}`} data-testid={testId}>
      <div className="light-table-scroll">
        <table style={minWidth ? { minWidth } : undefined}>
          <colgroup>
            {columns.map((column) => (
              <col key={column.key} style={column.width ? { width: column.width } : undefined} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col">
                  {column.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={rowKey(row)} {...rowProps?.(row)}>
                {columns.map((column) => (
                  <td key={column.key}>{column.render(row, index)}</td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr className="light-table-empty">
                <td colSpan={columns.length}>{loading ? '正在加载…' : empty}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {loading && rows.length > 0 && (
        <div className="light-table-loading">
          <Spin />
        </div>
      )}
    </div>
  );
}
