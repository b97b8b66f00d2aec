/** E-mail by SMTP (nodemailer), from SMTP_URL (smtp:// or smtps://, credentials in the URL). */
import nodemailer, { type Transporter } from 'nodemailer';
import { mailOptions, type ContactLine } from './compose.ts';
import type { Channel, OutboundMessage } from './types.ts';

/**
 * One Message-ID per outbox row, the same on every attempt: a message sent twice (a crash or a
 * lost database between the server's acceptance and the 'sent' mark) is a visible duplicate that
 * mail clients and tests can fold, rather than a second message.
 */
export function messageIdFor(m: Pick<OutboundMessage, 'id' | 'createdAt'>, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'finhub.invalid';
  const stamp = m.createdAt ? `.${m.createdAt.getTime().toString(36)}` : '';
  return `<finhub.outbox.${m.id}${stamp}@${domain}>`;
}

export interface EmailChannelOptions {
  smtpUrl: string;
  from: string;
  /**
   * Give up on a silent server after this long (SMTP_TIMEOUT_MS; the row is retried later): the
   * TCP connect, the greeting, and any wait for a reply (socket idle), so a hung server cannot
   * stall the worker.
   */
  timeoutMs?: number;
  /** The sender's display name (FINHUB_MAIL_FROM_NAME). */
  fromName?: string | null;
  /** The contact line under every message. */
  contact?: ContactLine | null;
}

export class EmailChannel implements Channel {
  readonly name = 'smtp';
  private readonly transport: Transporter;
  private readonly from: string;
  private readonly identity: { from: string; fromName: string | null; contact: ContactLine | null };

  constructor({ smtpUrl, from, timeoutMs = 30_000, fromName = null, contact = null }: EmailChannelOptions) {
    const url = new URL(smtpUrl);
    // A loopback or intranet relay without TLS is common; nodemailer upgrades with STARTTLS when offered.
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      ...(url.searchParams.has('tls_insecure') ? { tls: { rejectUnauthorized: false } } : {}),
    } as Parameters<typeof nodemailer.createTransport>[0]);
    this.from = from;
    this.identity = { from, fromName, contact };
  }

  async send(m: OutboundMessage): Promise<void> {
    const info = await this.transport.sendMail(mailOptions(m, this.identity, messageIdFor(m, this.from)));
    const rejected = info.rejected ?? [];
    if (rejected.length > 0) throw new Error(`SMTP rejected ${rejected.join(', ')}`);
  }

  close(): void {
    this.transport.close();
  }
}
