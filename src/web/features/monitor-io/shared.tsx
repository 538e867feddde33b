import { ApiError } from '../../app/api';
import { type Column, Table } from '../../ui/Table';

/** The server's message for one body field of a failed request, if it named that field. */
export function issueOf(error: unknown, field: string) {
  return error instanceof ApiError
    ? error.issues.find((i) => i.path === `body.${field}`)?.message
    : undefined;
}

/** A text field's error props for one body field of a failed request. */
export function invalidProps(error: unknown, field: string) {
  const message = issueOf(error, field);
  return { errorMessage: message, isInvalid: !!message };
}

/** A list of stored items whose heading already names it, so its caption is for screen readers only. */
export function ItemsTable<T extends { id: number }>({
  caption,
  items,
  empty,
  columns,
}: {
  caption: string;
  items: T[];
  empty: string;
  columns: Column<T>[];
}) {
  return (
    <Table
      caption={caption}
      captionHidden
      rows={items}
      rowKey={(row) => row.id}
      empty={empty}
      columns={columns}
    />
  );
}
