/**
 * How an outbox message becomes an e-mail, the same for SMTP and for the .eml files: the sender
 * under the programme's name, the plain text with an HTML part beside it (the same words, the
 * registrant's language first — the body's first block — and the other below), a contact line,
 * `Auto-Submitted: auto-generated` (RFC 3834: no auto-replies, no vacation answers), and the
 * files. Texts are escaped for HTML here; a link becomes a link.
 */
import type { SendMailOptions } from 'nodemailer';
import { oneLine } from '../../../server/text.ts';
import type { OutboundMessage } from './types.ts';

/** Who the mail is from and whom to ask (config: MAIL_FROM, FINHUB_MAIL_FROM_NAME, FINHUB_CONTACT_*). */
export interface MailIdentity {
  /** "name <address>" or a bare address (MAIL_FROM). */
  from: string;
  /** The display name (FINHUB_MAIL_FROM_NAME); when absent, the name in `from`. */
  fromName?: string | null;
  /** The contact line, both languages (null: none). */
  contact?: ContactLine | null;
}

export interface ContactLine {
  ko: string;
  en: string;
}

/** The contact line from its parts (any of which may be missing). */
export function contactLine(c: { name?: string | null; nameEn?: string | null; phone?: string | null; email?: string | null }): ContactLine | null {
  const reach = [c.phone, c.email].filter((s): s is string => !!s?.trim()).map((s) => oneLine(s).trim());
  if (!reach.length && !c.name) return null;
  const ko = [c.name ? oneLine(c.name).trim() : null, ...reach].filter(Boolean).join(' · ');
  const en = [c.nameEn ? oneLine(c.nameEn).trim() : c.name ? oneLine(c.name).trim() : null, ...reach].filter(Boolean).join(' · ');
  return { ko: `문의: ${ko}`, en: `Contact: ${en}` };
}

/** The address part of MAIL_FROM. */
function fromAddress(from: string): string {
  return /<([^>]+)>\s*$/.exec(from)?.[1]?.trim() ?? from.trim();
}

/** The sender: the configured display name over MAIL_FROM's address. */
function sender(id: MailIdentity): string | { name: string; address: string } {
  if (!id.fromName) return id.from;
  return { name: oneLine(id.fromName).trim(), address: fromAddress(id.from) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One block of plain text as HTML: escaped, lines kept, web addresses made links. */
function blockHtml(block: string): string {
  return block
    .split('\n')
    .map((line) => escapeHtml(line).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`))
    .join('<br>\n');
}

/** The body's text with the contact line below it. */
export function textWithContact(body: string, language: 'ko' | 'en', contact: ContactLine | null | undefined): string {
  if (!contact) return body;
  const [first, second] = language === 'en' ? [contact.en, contact.ko] : [contact.ko, contact.en];
  return `${body}\n\n--\n${first}\n${second}`;
}

/**
 * The HTML part: the body's blocks (separated by a blank line) as paragraphs; the first block is
 * in the registrant's language, the others in the other one (`lang` set on each, for screen readers).
 */
export function htmlBody(subject: string, body: string, language: 'ko' | 'en', contact: ContactLine | null | undefined): string {
  const other = language === 'en' ? 'ko' : 'en';
  const blocks = body.split(/\n{2,}/).filter((b) => b.trim());
  const parts = blocks.map((b, i) => `<div lang="${i === 0 ? language : other}"><p>${blockHtml(b)}</p></div>`);
  const contactHtml = contact
    ? `<hr>\n<p style="color:#555;font-size:90%"><span lang="${language}">${escapeHtml(language === 'en' ? contact.en : contact.ko)}</span><br>\n<span lang="${other}">${escapeHtml(language === 'en' ? contact.ko : contact.en)}</span></p>`
    : '';
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(oneLine(subject))}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.6;max-width:40em">',
    parts.join('\n<hr>\n'),
    contactHtml,
    '</body></html>',
  ].join('\n');
}

/** The nodemailer message for one outbox row. */
export function mailOptions(m: OutboundMessage, id: MailIdentity, messageId: string): SendMailOptions {
  const language = m.language ?? 'ko';
  return {
    from: sender(id),
    to: m.recipient,
    // A title with a line break (stored before the input check) must not start a header line: folded to a space.
    subject: oneLine(m.subject),
    text: textWithContact(m.body, language, id.contact),
    html: htmlBody(m.subject, m.body, language, id.contact),
    messageId,
    ...(m.attachments?.length ? { attachments: m.attachments } : {}),
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'X-Finhub-Outbox-Id': String(m.id), 'X-Finhub-Kind': m.kind },
  };
}
