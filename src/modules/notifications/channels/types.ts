/** What a channel is given to deliver: one outbox row. */
export interface OutboundMessage {
  id: number;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
  kind: string;
  /** When the row was written: with the id, it makes a Message-ID that is the same on every retry. */
  createdAt?: Date;
  /** The recipient's language ('ko' default): the body's first block is in it. */
  language?: 'ko' | 'en';
  /** Files to attach (e-mail only), e.g. the check-in QR code as PNG. */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** Delivers one message or throws; a throw leaves the row for a later retry. */
export interface Channel {
  readonly name: string;
  send(message: OutboundMessage): Promise<void>;
  close?(): Promise<void> | void;
}

export interface Channels {
  email: Channel;
  sms: Channel;
}
