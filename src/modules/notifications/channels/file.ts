/**
 * With nothing configured, messages are written as files to FINHUB_DATA_DIR/outbox/ so that a
 * new user sees them: e-mail as a real RFC 5322 message (<id>-<kind>.eml, opens in any mail
 * program), SMS as plain text (<id>-<kind>.txt). The file is named by the outbox id, so a retry
 * rewrites the same file rather than adding a second one.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { PRIVATE_FILE_MODE, privateDir } from '../../../server/private-files.ts';
import { messageIdFor } from './email.ts';
import { mailOptions, type ContactLine } from './compose.ts';
import type { Channel, OutboundMessage } from './types.ts';

const safe = (s: string) => s.replace(/[^a-zA-Z0-9_.-]+/g, '_').slice(0, 60);

export function outboxDir(dataDir: string): string {
  return path.join(dataDir, 'outbox');
}

const madeDirs = new Set<string>();

async function writeAtomically(file: string, content: string | Buffer): Promise<void> {
  const dir = path.dirname(file);
  // Once per folder and process: a busy outbox writes thousands of files.
  if (!madeDirs.has(dir)) {
    await privateDir(dir);
    madeDirs.add(dir);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, content, { mode: PRIVATE_FILE_MODE });
  await fs.rename(tmp, file);
}

/** E-mail written to dataDir/outbox/*.eml. */
export class FileChannel implements Channel {
  readonly name = 'file';
  private readonly builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    private readonly dataDir: string,
    private readonly from = 'finhub <no-reply@jeonju.go.kr>',
    private readonly identity: { fromName?: string | null; contact?: ContactLine | null } = {},
  ) {}

  async send(m: OutboundMessage): Promise<void> {
    const info = await this.builder.sendMail(mailOptions(m, { from: this.from, ...this.identity }, messageIdFor(m, this.from)));
    await writeAtomically(path.join(outboxDir(this.dataDir), `${m.id}-${safe(m.kind)}.eml`), info.message as Buffer);
  }
}

/** Sends a text message to a stored phone number (Korean national digits 01012345678, or E.164 +81…). */
export interface SmsSender {
  readonly name: string;
  sendSms(to: string, text: string, ref: { id: number; kind: string }): Promise<void>;
}

/** The default SMS "gateway": a text file per message in dataDir/outbox/*.txt. */
export class FileSmsSender implements SmsSender {
  readonly name = 'file';
  constructor(private readonly dataDir: string) {}

  async sendSms(to: string, text: string, ref: { id: number; kind: string }): Promise<void> {
    const content = `To: ${to}\nKind: ${ref.kind}\n\n${text}\n`;
    await writeAtomically(path.join(outboxDir(this.dataDir), `${ref.id}-${safe(ref.kind)}.txt`), content);
  }
}

/** SMS through whichever SmsSender is configured; the subject leads the text, the contact line ends it. */
export class SmsChannel implements Channel {
  readonly name: string;
  constructor(
    private readonly sender: SmsSender,
    private readonly contact: ContactLine | null = null,
  ) {
    this.name = `sms:${sender.name}`;
  }

  async send(m: OutboundMessage): Promise<void> {
    const contact = this.contact ? `\n${m.language === 'en' ? this.contact.en : this.contact.ko}` : '';
    await this.sender.sendSms(m.recipient, `${m.subject}\n${m.body}${contact}`, { id: m.id, kind: m.kind });
  }
}
