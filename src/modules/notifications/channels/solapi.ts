/**
 * SMS (and LMS for longer texts, chosen by the provider) through SOLAPI, a Korean SMS/알림톡
 * provider, over its HTTP API v4 (`POST {base}/messages/v4/send`): HMAC-SHA256 authentication in
 * the Authorization header (`HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…`, the signature
 * being hex HMAC-SHA256 of date + salt under the API secret), a JSON body
 * `{message: {to, from, text, country?}}`. A Korean number is sent as its digits; an E.164 number of
 * another country as its national digits with `country` (the calling code). Anything but a 2xx
 * answer with statusCode "2000" (accepted) throws, so the outbox retries it.
 * Configured by FINHUB_SMS_PROVIDER=solapi, SOLAPI_API_KEY, SOLAPI_API_SECRET, SOLAPI_SENDER
 * (the registered calling number) and SOLAPI_BASE_URL (default https://api.solapi.com).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { SmsSender } from './file.ts';

export interface SolapiOptions {
  apiKey: string;
  apiSecret: string;
  /** The registered sender number (digits). */
  sender: string;
  baseUrl?: string;
  timeoutMs?: number;
  /** For tests. */
  now?: () => Date;
}

/** The Authorization header for a request made at `date` with `salt`. */
export function solapiAuthorization(apiKey: string, apiSecret: string, date: string, salt: string): string {
  const signature = createHmac('sha256', apiSecret)
    .update(date + salt)
    .digest('hex');
  return `HMAC-SHA256 apiKey=${apiKey}, date=${date}, salt=${salt}, signature=${signature}`;
}

/** A stored number as SOLAPI takes it: digits, and the calling code for a number abroad. */
export function solapiRecipient(stored: string): { to: string; country?: string } {
  if (!stored.startsWith('+')) return { to: stored.replace(/\D/g, '') };
  const n = parsePhoneNumberFromString(stored);
  if (!n) throw new Error('not a phone number');
  if (n.countryCallingCode === '82') return { to: `0${n.nationalNumber}` };
  return { to: String(n.nationalNumber), country: String(n.countryCallingCode) };
}

export class SolapiSmsSender implements SmsSender {
  readonly name = 'solapi';
  private readonly baseUrl: string;

  constructor(private readonly o: SolapiOptions) {
    this.baseUrl = (o.baseUrl ?? 'https://api.solapi.com').replace(/\/$/, '');
  }

  async sendSms(to: string, text: string): Promise<void> {
    const date = (this.o.now?.() ?? new Date()).toISOString();
    const salt = randomBytes(16).toString('hex');
    const res = await fetch(`${this.baseUrl}/messages/v4/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: solapiAuthorization(this.o.apiKey, this.o.apiSecret, date, salt) },
      body: JSON.stringify({ message: { ...solapiRecipient(to), from: this.o.sender.replace(/\D/g, ''), text } }),
      signal: AbortSignal.timeout(this.o.timeoutMs ?? 30_000),
    });
    const answer = (await res.json().catch(() => null)) as { statusCode?: string; errorCode?: string; errorMessage?: string; statusMessage?: string } | null;
    if (!res.ok || answer?.statusCode !== '2000') {
      // The provider's code and message only: never the number or the text.
      const why = answer?.errorCode ?? answer?.statusCode ?? 'no answer';
      throw new Error(`SOLAPI refused the message: HTTP ${res.status} ${why} ${String(answer?.errorMessage ?? answer?.statusMessage ?? '').slice(0, 200)}`.trim());
    }
  }
}
