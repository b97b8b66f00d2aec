/** E-mail by SMTP (nodemailer), from SMTP_URL (smtp:// or smtps://, credentials in the URL). */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Channel, OutboundMessage } from './types.ts';

export interface EmailChannelOptions {
  smtpUrl: string;
  from: string;
  /** Give up on a silent server after this long (the row is retried later). */
  timeoutMs?: number;
}

export class EmailChannel implements Channel {
  readonly name = 'smtp';
  private readonly transport: Transporter;
  private readonly from: string;

  constructor({ smtpUrl, from, timeoutMs = 30_000 }: EmailChannelOptions) {
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
  }

  async send(m: OutboundMessage): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: m.recipient,
      subject: m.subject,
      text: m.body,
      ...(m.attachments?.length ? { attachments: m.attachments } : {}),
      headers: { 'X-Finhub-Outbox-Id': String(m.id), 'X-Finhub-Kind': m.kind },
    });
    const rejected = info.rejected ?? [];
    if (rejected.length > 0) throw new Error(`SMTP rejected ${rejected.join(', ')}`);
  }

  close(): void {
    this.transport.close();
  }
}
