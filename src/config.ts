/** The one validated configuration object, read once from the environment at start-up. */
import path from 'node:path';
import { z } from 'zod';

/** The privacy officer the privacy policy names (개인정보 보호책임자, PIPA art. 31); set per deployment. */
export const PRIVACY_OFFICER_DEFAULTS = {
  title: '개인정보 보호책임자 (전주시 기획조정실장)',
  titleEn: 'Privacy officer (Director of Planning and Coordination, Jeonju City)',
  name: '',
  department: '금융산업과',
  departmentEn: 'Finance Industry Division',
  phone: '063-281-2114',
  email: '',
};

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  FINHUB_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^/\s]/, 'must start with redis:// or rediss:// and name a host (redis://127.0.0.1:6379)')
    .refine((v) => URL.canParse(v), 'is not a valid URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  FINHUB_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'letters, digits and : _ . - only, at most 64')
    .default('finhub:'),
  FINHUB_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  FINHUB_S3_ENDPOINT: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address (https://s3.example.go.kr)' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  FINHUB_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'a region name such as us-east-1 or kr-standard')
    .default('us-east-1'),
  FINHUB_S3_ACCESS_KEY: z.string().default(''),
  FINHUB_S3_SECRET_KEY: z.string().default(''),
  FINHUB_S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, 'empty, or folder names ending in / (finhub/files/)')
    .default('files/'),
  FINHUB_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FINHUB_LOGIN_RATE_LIMIT: z.coerce.number().int().min(0).default(10),
  FINHUB_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(0).default(30),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('finhub <no-reply@jeonju.go.kr>'),
  FINHUB_MAIL_FROM_NAME: z.string().trim().min(1).max(100).default('전주시 금융중심지 사업'),
  FINHUB_CONTACT_NAME: z.string().trim().max(100).default('전주시 금융중심지 사업 담당 부서'),
  FINHUB_CONTACT_NAME_EN: z.string().trim().max(100).default('Jeonju City, financial hub programme'),
  FINHUB_CONTACT_PHONE: z.string().trim().max(40).default('063-281-2114'),
  FINHUB_CONTACT_EMAIL: z.string().trim().max(200).default(''),
  FINHUB_PRIVACY_OFFICER_TITLE: z.string().trim().min(1).max(200).default(PRIVACY_OFFICER_DEFAULTS.title),
  FINHUB_PRIVACY_OFFICER_TITLE_EN: z.string().trim().min(1).max(200).default(PRIVACY_OFFICER_DEFAULTS.titleEn),
  FINHUB_PRIVACY_OFFICER_NAME: z.string().trim().max(100).default(PRIVACY_OFFICER_DEFAULTS.name),
  FINHUB_PRIVACY_OFFICER_DEPARTMENT: z.string().trim().min(1).max(100).default(PRIVACY_OFFICER_DEFAULTS.department),
  FINHUB_PRIVACY_OFFICER_DEPARTMENT_EN: z.string().trim().min(1).max(100).default(PRIVACY_OFFICER_DEFAULTS.departmentEn),
  FINHUB_PRIVACY_OFFICER_PHONE: z.string().trim().min(1).max(40).default(PRIVACY_OFFICER_DEFAULTS.phone),
  FINHUB_PRIVACY_OFFICER_EMAIL: z.string().trim().max(200).default(PRIVACY_OFFICER_DEFAULTS.email),
  FINHUB_CHECK_IN_OPENS_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 60)
    .default(60),
  FINHUB_SMS_PROVIDER: z.enum(['file', 'solapi']).default('file'),
  SOLAPI_API_KEY: z.string().default(''),
  SOLAPI_API_SECRET: z.string().default(''),
  SOLAPI_SENDER: z.string().default(''),
  SOLAPI_BASE_URL: z.url().default('https://api.solapi.com'),
  FINHUB_PUBLIC_URL: z.url().optional(),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  FINHUB_OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(5000),
  FINHUB_OUTBOX_LEASE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(5 * 60 * 1000),
  FINHUB_OUTBOX_BACKOFF_MS: z.coerce.number().int().min(10).default(30_000),
  FINHUB_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  FINHUB_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  FINHUB_TRUST_PROXY: z
    .string()
    .default('')
    .transform((v): boolean | string[] => {
      const t = v.trim();
      if (t === '' || t === 'false') return false;
      if (t === 'true') return true;
      return t
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
    }),
});

export interface Config {
  port: number;
  host: string;
  /** A PostgreSQL server, or undefined for the embedded PGlite database in dataDir. */
  databaseUrl: string | undefined;
  /**
   * PostgreSQL: where the public cache LISTENs for changes (FINHUB_LISTEN_URL, default DATABASE_URL):
   * a direct connection to the server, since PgBouncer in transaction pooling cannot LISTEN.
   */
  listenUrl: string | undefined;
  /**
   * A Redis server (REDIS_URL, redis:// or rediss://) for the public rate limits and the sign-in
   * throttle; without one they count in PostgreSQL (or in the process on the embedded database).
   */
  redisUrl: string | undefined;
  /** What every Redis key starts with (FINHUB_REDIS_PREFIX, default finhub:), so deployments can share a Redis. */
  redisPrefix: string;
  /**
   * An S3-compatible object store for the stored files (FINHUB_S3_BUCKET, _ENDPOINT, _REGION,
   * _ACCESS_KEY, _SECRET_KEY, _PREFIX); without a bucket, PostgreSQL's table (or the folder on PGlite).
   */
  s3: { bucket: string; endpoint: string | undefined; region: string; accessKeyId: string; secretAccessKey: string; prefix: string } | undefined;
  dataDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Login attempts per minute per client address; 0 turns the limit off. */
  loginRateLimit: number;
  /** Public write requests (registrations, applications) per minute per client address; 0: off. */
  publicRateLimit: number;
  /** An SMTP server for e-mail; without one, messages are written to dataDir/outbox as files. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The address citizens reach the site at, for links in messages (default http://localhost:PORT). */
  publicUrl: string;
  /**
   * SMTP connection, greeting and socket-idle timeout (SMTP_TIMEOUT_MS, default 30 s): a hung or
   * silent mail server fails the send after this long instead of stalling the outbox worker.
   */
  smtpTimeoutMs: number;
  /** The outbox worker's settings; the defaults suit production, tests shorten them instead of sleeping. */
  outbox: {
    /** How often the worker looks for due rows (FINHUB_OUTBOX_POLL_MS, default 5 s). */
    pollMs: number;
    /**
     * How long a claimed row is left alone before it may be claimed again (FINHUB_OUTBOX_LEASE_MS,
     * default 5 min): a server killed mid-send has its rows retried after this. Keep it well above
     * SMTP_TIMEOUT_MS, or a slow send could be repeated by a second server process.
     */
    leaseMs: number;
    /** The first retry delay after a failed send, doubling per attempt up to 1 h (FINHUB_OUTBOX_BACKOFF_MS, default 30 s). */
    backoffMs: number;
  };
  /**
   * The longest a request waits for a PostgreSQL connection, queueing for the pool included
   * (FINHUB_DB_CONNECT_TIMEOUT_MS, default 10 s); past it the request answers 503 rather than hanging.
   */
  dbConnectTimeoutMs: number;
  /**
   * On SIGTERM, how long /api/ready answers 503 before the listener closes (FINHUB_DRAIN_MS,
   * default 0): long enough for the balancer's readiness checks to take the server out.
   */
  drainMs: number;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (FINHUB_TRUST_PROXY: empty or
   * "false" = none, the default; "true" = any; or a comma list of
   * addresses/CIDRs such as "127.0.0.1,10.0.0.0/8"). The rate limits key on the client address, so
   * trusting a header any client can set would let it pick a fresh address per request.
   */
  trustProxy: boolean | string[];
  /**
   * How long before an academy session or event starts that staff may check registrants in
   * (FINHUB_CHECK_IN_OPENS_MINUTES, default 60; 0: from the start only). Earlier, check-in is
   * refused with CHECK_IN_NOT_OPEN, naming the time it opens.
   */
  checkInOpensMinutes: number;
  /** The sender's display name on e-mail (FINHUB_MAIL_FROM_NAME, default 전주시 금융중심지 사업), over MAIL_FROM's address. */
  mailFromName: string;
  /** The contact line under every message (FINHUB_CONTACT_NAME, _NAME_EN, _PHONE, _EMAIL). */
  contact: { name: string; nameEn: string; phone: string; email: string };
  /** The privacy policy's person in charge (FINHUB_PRIVACY_OFFICER_TITLE, _TITLE_EN, _NAME, _DEPARTMENT, _DEPARTMENT_EN, _PHONE, _EMAIL). */
  privacyOfficer: typeof PRIVACY_OFFICER_DEFAULTS;
  /**
   * SMS: 'file' (default: text files in dataDir/outbox) or 'solapi' (SOLAPI's HTTP API with
   * SOLAPI_API_KEY, SOLAPI_API_SECRET, SOLAPI_SENDER, SOLAPI_BASE_URL; all three required).
   */
  sms: { provider: 'file' } | { provider: 'solapi'; apiKey: string; apiSecret: string; sender: string; baseUrl: string };
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`설정 오류 / Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.FINHUB_SMS_PROVIDER === 'solapi' && !(c.SOLAPI_API_KEY && c.SOLAPI_API_SECRET && c.SOLAPI_SENDER)) {
    throw new ConfigError('설정 오류 / Invalid configuration:\n  FINHUB_SMS_PROVIDER=solapi needs SOLAPI_API_KEY, SOLAPI_API_SECRET and SOLAPI_SENDER');
  }
  const s3Set = ['FINHUB_S3_ENDPOINT', 'FINHUB_S3_ACCESS_KEY', 'FINHUB_S3_SECRET_KEY'].filter((k) => env[k]);
  if (!c.FINHUB_S3_BUCKET && s3Set.length) {
    throw new ConfigError(`설정 오류 / Invalid configuration:\n  FINHUB_S3_BUCKET: needed with ${s3Set.join(', ')} (the bucket the stored files go in)`);
  }
  if (!c.FINHUB_S3_ACCESS_KEY !== !c.FINHUB_S3_SECRET_KEY) {
    throw new ConfigError('설정 오류 / Invalid configuration:\n  FINHUB_S3_ACCESS_KEY and FINHUB_S3_SECRET_KEY go together (or neither, for the AWS default credentials)');
  }
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    listenUrl: c.FINHUB_LISTEN_URL ?? c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    redisPrefix: c.FINHUB_REDIS_PREFIX,
    s3: c.FINHUB_S3_BUCKET
      ? {
          bucket: c.FINHUB_S3_BUCKET,
          endpoint: c.FINHUB_S3_ENDPOINT,
          region: c.FINHUB_S3_REGION,
          accessKeyId: c.FINHUB_S3_ACCESS_KEY,
          secretAccessKey: c.FINHUB_S3_SECRET_KEY,
          prefix: c.FINHUB_S3_PREFIX,
        }
      : undefined,
    dataDir: path.resolve(c.FINHUB_DATA_DIR),
    logLevel: c.LOG_LEVEL,
    loginRateLimit: c.FINHUB_LOGIN_RATE_LIMIT,
    publicRateLimit: c.FINHUB_PUBLIC_RATE_LIMIT,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    publicUrl: (c.FINHUB_PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    smtpTimeoutMs: c.SMTP_TIMEOUT_MS,
    outbox: { pollMs: c.FINHUB_OUTBOX_POLL_MS, leaseMs: c.FINHUB_OUTBOX_LEASE_MS, backoffMs: c.FINHUB_OUTBOX_BACKOFF_MS },
    dbConnectTimeoutMs: c.FINHUB_DB_CONNECT_TIMEOUT_MS,
    drainMs: c.FINHUB_DRAIN_MS,
    trustProxy: c.FINHUB_TRUST_PROXY,
    checkInOpensMinutes: c.FINHUB_CHECK_IN_OPENS_MINUTES,
    mailFromName: c.FINHUB_MAIL_FROM_NAME,
    contact: { name: c.FINHUB_CONTACT_NAME, nameEn: c.FINHUB_CONTACT_NAME_EN, phone: c.FINHUB_CONTACT_PHONE, email: c.FINHUB_CONTACT_EMAIL },
    privacyOfficer: {
      title: c.FINHUB_PRIVACY_OFFICER_TITLE,
      titleEn: c.FINHUB_PRIVACY_OFFICER_TITLE_EN,
      name: c.FINHUB_PRIVACY_OFFICER_NAME,
      department: c.FINHUB_PRIVACY_OFFICER_DEPARTMENT,
      departmentEn: c.FINHUB_PRIVACY_OFFICER_DEPARTMENT_EN,
      phone: c.FINHUB_PRIVACY_OFFICER_PHONE,
      email: c.FINHUB_PRIVACY_OFFICER_EMAIL,
    },
    sms:
      c.FINHUB_SMS_PROVIDER === 'solapi'
        ? { provider: 'solapi', apiKey: c.SOLAPI_API_KEY, apiSecret: c.SOLAPI_API_SECRET, sender: c.SOLAPI_SENDER, baseUrl: c.SOLAPI_BASE_URL }
        : { provider: 'file' },
  };
}
