/** The channels from configuration: SMTP when SMTP_URL is set, else files; SMS through an SmsSender. */
import type { ContactLine } from './compose.ts';
import { EmailChannel } from './email.ts';
import { FileChannel, FileSmsSender, SmsChannel, type SmsSender } from './file.ts';
import type { Channels } from './types.ts';

export type { Channels } from './types.ts';
export { EmailChannel } from './email.ts';
export { FileChannel, FileSmsSender, SmsChannel } from './file.ts';
export { contactLine } from './compose.ts';
export { SolapiSmsSender } from './solapi.ts';

export interface ChannelConfig {
  smtpUrl: string | undefined;
  mailFrom: string;
  dataDir: string;
  /** SMTP connect/greeting/idle timeout (SMTP_TIMEOUT_MS); default 30 s. */
  smtpTimeoutMs?: number;
  /** A real SMS gateway; default: text files in dataDir/outbox. */
  smsSender?: SmsSender;
  /** The sender's display name (FINHUB_MAIL_FROM_NAME). */
  mailFromName?: string | null;
  /** The contact line under every message (FINHUB_CONTACT_*). */
  contact?: ContactLine | null;
}

export function createChannels(c: ChannelConfig): Channels {
  return {
    email: c.smtpUrl
      ? new EmailChannel({ smtpUrl: c.smtpUrl, from: c.mailFrom, timeoutMs: c.smtpTimeoutMs, fromName: c.mailFromName ?? null, contact: c.contact ?? null })
      : new FileChannel(c.dataDir, c.mailFrom, { fromName: c.mailFromName ?? null, contact: c.contact ?? null }),
    sms: new SmsChannel(c.smsSender ?? new FileSmsSender(c.dataDir), c.contact ?? null),
  };
}

export async function closeChannels(ch: Channels): Promise<void> {
  await ch.email.close?.();
  await ch.sms.close?.();
}
