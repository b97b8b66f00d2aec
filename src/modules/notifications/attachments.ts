/**
 * Attachments built at send time. A module that queues e-mail with a file (a meeting invitation's
 * .ics, approved minutes as PDF) registers a builder under a name and puts that name in the
 * message's meta (`attach: "<name>"`); the worker calls the builder with the row's meta when it
 * sends, so the file reflects the record as it is then and nothing but the meta is stored. The
 * registry keeps this module below the ones that use it (no import of theirs).
 */
import type { Executor } from '../../db/executor.ts';
import type { OutboundMessage } from './channels/types.ts';

export type Attachment = NonNullable<OutboundMessage['attachments']>[number];
export type AttachmentBuilder = (db: Executor, meta: Record<string, unknown>) => Promise<Attachment[]>;

const builders = new Map<string, AttachmentBuilder>();

/** Registers the builder of `name` (module scope, once); a second registration of a name throws. */
export function registerAttachments(name: string, build: AttachmentBuilder): void {
  if (builders.has(name)) throw new Error(`Attachments ${name} are already registered`);
  builders.set(name, build);
}

/** The files a message's meta asks for; none when it names no (or an unknown) builder. */
export async function buildAttachments(db: Executor, meta: Record<string, unknown> | null): Promise<Attachment[]> {
  const name = meta?.attach;
  if (typeof name !== 'string') return [];
  const build = builders.get(name);
  if (!build) throw new Error(`no attachment builder "${name}" in this process`);
  return build(db, meta!);
}
