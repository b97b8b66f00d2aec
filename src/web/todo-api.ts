/** The staff to-do list and the outbox (types are the server's zod schemas, imported as types only). */
import type { z } from 'zod';
import type { OutboxMessageSchema, OutboxPageSchema } from '../modules/notifications/api-schema.ts';
import type { TodoSchema } from '../modules/todo/api-schema.ts';
import { request } from './api-client.ts';
import { pageUrl } from './forms/index.ts';

export type Todo = z.infer<typeof TodoSchema>;
export type TodoAction = Todo['overdueActions'][number];
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;
export type OutboxPage = z.infer<typeof OutboxPageSchema>;

export interface OutboxFilter {
  status: string;
  kind: string;
  from: string;
  to: string;
}

export const fetchTodo = (signal?: AbortSignal) => request<Todo>('/api/staff/todo', { signal });
export const fetchOutbox = (f: OutboxFilter, after: number | null, limit: number, signal?: AbortSignal) =>
  request<OutboxPage>(pageUrl('/api/outbox', { ...f, after, limit }), { signal });
export const retryOutbox = (id: number) => request<OutboxMessage>(`/api/outbox/${id}/retry`, { method: 'POST' });
