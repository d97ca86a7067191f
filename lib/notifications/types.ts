// The inbox as components receive it (pure: no server code, safe in the browser).

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  href: string | null;
  createdAt: string;
  readAt: string | null;
}
export interface Inbox {
  items: InboxItem[];
  unread: number;
  total: number;
  /** Keyset cursors (createdAt, id) of the neighbouring pages; null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}
/** Cursor key of the inbox: createdAt (ISO), id. */
export const INBOX_CURSOR_PARTS = 2;
