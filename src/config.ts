/**
 * The app's settings: the only reader of process.env. Every setting is parsed once at start-up; a missing or
 * malformed one stops the app with a message that names it and says where its value comes from.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from './domain/errors.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(blankAsMissing, z.string().trim().optional());
const positiveInt = (fallback: number, unit: string) =>
  z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: `must be a whole number of ${unit}` })
      .int(`must be a whole number of ${unit}`)
      .positive(`must be a whole number of ${unit}`)
      .default(fallback),
  );

const EnvSchema = z.object({
  // Required unless the app is installed in many workspaces (SLACK_CLIENT_ID…): see credentialsOf.
  SLACK_BOT_TOKEN: z.preprocess(
    blankAsMissing,
    z.string().trim().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
  ),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_REDIRECT_URI: z.preprocess(blankAsMissing, z.url({ error: 'must be a URL' }).optional()),
  SLACK_APP_TOKEN: z.preprocess(
    blankAsMissing,
    z.string().trim().startsWith('xapp-', 'must be an app-level token starting with xapp-').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_MODE: z.preprocess(
    (value) => (typeof value === 'string' ? blankAsMissing(value.toLowerCase()) : value),
    z.enum(['socket', 'http'], { error: 'must be "socket" or "http"' }).optional(),
  ),
  PORT: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a port number')
      .min(1, 'must be a port number')
      .max(65535, 'must be a port number')
      .default(3000),
  ),
  SLACK_API_URL: z.preprocess(
    blankAsMissing,
    z.url({ error: 'must be a URL such as https://slack.com/api/' }).optional(),
  ),
  SLACK_FILE_HOSTS: z.preprocess(blankAsMissing, z.string().default('files.slack.com')),
  DATA_DIR: z.preprocess(blankAsMissing, z.string().default('./data')),
  DATABASE_URL: z.preprocess(
    blankAsMissing,
    z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\/./, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/database')
      .optional(),
  ),
  MAX_FILE_MB: positiveInt(20, 'megabytes'),
  MAX_PAGES: positiveInt(60, 'pages'),
  PARSE_TIMEOUT_MS: positiveInt(15_000, 'milliseconds'),
  READ_MEMORY_MB: positiveInt(512, 'megabytes'),
  DOWNLOAD_TIMEOUT_MS: positiveInt(60_000, 'milliseconds'),
  DOWNLOAD_STALL_MS: positiveInt(15_000, 'milliseconds'),
  DIGEST_TIME: z.preprocess(
    blankAsMissing,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:mm, such as 10:00')
      .default('10:00'),
  ),
  DIGEST_TIMEZONE: z.preprocess(
    blankAsMissing,
    z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Hong_Kong').default('Asia/Hong_Kong'),
  ),
  HKEXNEWS_URL: z.preprocess(
    blankAsMissing,
    z.url({ error: 'must be a URL such as https://www1.hkexnews.hk' }).default('https://www1.hkexnews.hk'),
  ),
  HKEXNEWS: z.preprocess(
    (value) => (typeof value === 'string' ? blankAsMissing(value.toLowerCase()) : value),
    z.enum(['on', 'off'], { error: 'must be "on" or "off"' }).default('on'),
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? blankAsMissing(value.toLowerCase()) : value),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type SlackConnection =
  | { readonly mode: 'socket'; readonly appToken: string }
  | {
      readonly mode: 'http';
      readonly signingSecret: string;
      readonly port: number;
      /** The address to listen on: every address of the machine unless set (the tests bind 127.0.0.1). */
      readonly host?: string;
    };

/** The app installed in many workspaces through Slack's OAuth flow (SLACK_CLIENT_ID, …_SECRET, SLACK_STATE_SECRET). */
export interface OAuthSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly stateSecret: string;
  /** SLACK_REDIRECT_URI: the public URL of /slack/oauth_redirect, as the app's settings list it. */
  readonly redirectUri: string | null;
}

export interface Config {
  /** The single workspace's bot token; null when the app is installed in many (`oauth`). */
  readonly botToken: string | null;
  readonly oauth: OAuthSettings | null;
  readonly connection: SlackConnection;
  readonly slackApiUrl: string | null;
  /** Origins the bot token may be sent to when downloading a file, e.g. "https://files.slack.com". */
  readonly fileOrigins: readonly string[];
  readonly dataDir: string;
  /** postgres://… when the store is a PostgreSQL database (DATABASE_URL); null for the lowdb store in dataDir. */
  readonly databaseUrl: string | null;
  readonly limits: { readonly maxBytes: number; readonly maxPages: number; readonly timeoutMs: number };
  /** Memory one reader process may use, in megabytes; a file that needs more is refused as too complex. */
  readonly readMemoryMb: number;
  /** A shared file's download: its whole time limit, and how long the file host may send nothing. */
  readonly download: { readonly timeoutMs: number; readonly stallMs: number };
  readonly digest: { readonly timeOfDay: string; readonly timeZone: string };
  /** Where HKEXnews is (HKEXNEWS_URL); null when HKEXNEWS=off turns every use of it off. */
  readonly hkexnewsUrl: string | null;
  readonly logLevel: (typeof LOG_LEVELS)[number];
}

function problem(key: string, message: string): string {
  return `${key} ${message}`;
}

/** "files.slack.com" -> "https://files.slack.com"; a full origin is kept as written. */
function toOrigin(host: string): string | null {
  try {
    return new URL(host.includes('://') ? host : `https://${host}`).origin;
  } catch {
    return null;
  }
}

type ConnectionSettings = Pick<
  z.infer<typeof EnvSchema>,
  'SLACK_MODE' | 'SLACK_APP_TOKEN' | 'SLACK_SIGNING_SECRET' | 'PORT'
>;

function connectionOf(env: ConnectionSettings, problems: string[]): SlackConnection | null {
  // Socket Mode is the default: it needs no public URL. HTTP mode when asked for, or when only a signing secret is set.
  const mode = env.SLACK_MODE ?? (env.SLACK_APP_TOKEN || !env.SLACK_SIGNING_SECRET ? 'socket' : 'http');
  if (mode === 'socket') {
    if (env.SLACK_APP_TOKEN) return { mode, appToken: env.SLACK_APP_TOKEN };
    problems.push(
      problem(
        'SLACK_APP_TOKEN',
        'is missing: Socket Mode needs an app-level token (xapp-…) with connections:write, from Basic Information > App-Level Tokens (or set SLACK_MODE=http with SLACK_SIGNING_SECRET)',
      ),
    );
    return null;
  }
  if (env.SLACK_SIGNING_SECRET) return { mode, signingSecret: env.SLACK_SIGNING_SECRET, port: env.PORT };
  problems.push(
    problem('SLACK_SIGNING_SECRET', 'is missing: HTTP mode needs the Signing Secret from Basic Information'),
  );
  return null;
}

const MISSING_BOT_TOKEN =
  'is missing: the Bot User OAuth Token (xoxb-…) from the app’s OAuth & Permissions page (or, to install in many workspaces, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET)';
const OAUTH_KEYS = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** A bot token for one workspace, or the three OAuth settings for many: all three or none. */
function credentialsOf(
  env: Record<string, string | undefined>,
  problems: string[],
): { botToken: string | null; oauth: OAuthSettings | null } {
  const given = OAUTH_KEYS.filter((key) => blankAsMissing(env[key]) !== undefined);
  if (given.length > 0 && given.length < OAUTH_KEYS.length) {
    for (const key of OAUTH_KEYS.filter((k) => !given.includes(k))) {
      problems.push(problem(key, `is missing: installing in many workspaces needs ${OAUTH_KEYS.join(', ')}`));
    }
    return { botToken: null, oauth: null };
  }
  const [clientId, clientSecret, stateSecret] = OAUTH_KEYS.map((key) => env[key]?.trim() ?? '');
  if (given.length === OAUTH_KEYS.length && clientId && clientSecret && stateSecret) {
    const redirectUri = blankAsMissing(env.SLACK_REDIRECT_URI);
    return {
      botToken: null,
      oauth: { clientId, clientSecret, stateSecret, redirectUri: typeof redirectUri === 'string' ? redirectUri : null },
    };
  }
  const token = blankAsMissing(env.SLACK_BOT_TOKEN);
  if (typeof token !== 'string') problems.push(problem('SLACK_BOT_TOKEN', MISSING_BOT_TOKEN));
  return { botToken: typeof token === 'string' ? token.trim() : null, oauth: null };
}

/** Reads the settings from `env` (process.env by default); throws AppError('config-invalid') naming every bad key. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => problem(String(issue.path[0] ?? 'setting'), issue.message));
    if (!problems.some((p) => p.startsWith('SLACK_BOT_TOKEN '))) credentialsOf(env, problems);
    // Say what the connection lacks too, so that one run lists every setting to fix.
    const connection = EnvSchema.pick({
      SLACK_MODE: true,
      SLACK_APP_TOKEN: true,
      SLACK_SIGNING_SECRET: true,
      PORT: true,
    });
    const settings = connection.safeParse(env);
    if (settings.success) connectionOf(settings.data, problems);
    throw configError(problems);
  }
  const values = parsed.data;
  const problems: string[] = [];
  const { botToken, oauth } = credentialsOf(env, problems);
  const connection = connectionOf(values, problems);
  if (oauth && connection?.mode === 'socket') {
    problems.push(
      problem('SLACK_MODE', 'must be http to install in many workspaces: Slack redirects to /slack/oauth_redirect'),
    );
  }
  const hosts = values.SLACK_FILE_HOSTS.split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const fileOrigins = hosts.map(toOrigin);
  if (hosts.length === 0 || fileOrigins.some((o) => o === null)) {
    problems.push(problem('SLACK_FILE_HOSTS', 'must be a comma-separated list of host names such as files.slack.com'));
  }
  if (!connection || problems.length > 0) throw configError(problems);
  return {
    botToken,
    oauth,
    connection,
    slackApiUrl: values.SLACK_API_URL ?? null,
    fileOrigins: fileOrigins.filter((o): o is string => o !== null),
    dataDir: values.DATA_DIR,
    databaseUrl: values.DATABASE_URL ?? null,
    limits: {
      maxBytes: values.MAX_FILE_MB * 1024 * 1024,
      maxPages: values.MAX_PAGES,
      timeoutMs: values.PARSE_TIMEOUT_MS,
    },
    readMemoryMb: values.READ_MEMORY_MB,
    download: { timeoutMs: values.DOWNLOAD_TIMEOUT_MS, stallMs: values.DOWNLOAD_STALL_MS },
    digest: { timeOfDay: values.DIGEST_TIME, timeZone: values.DIGEST_TIMEZONE },
    hkexnewsUrl: values.HKEXNEWS === 'off' ? null : values.HKEXNEWS_URL,
    logLevel: values.LOG_LEVEL,
  };
}

function configError(problems: string[]): AppError {
  const keys = problems.map((p) => p.split(' ')[0]).join(', ');
  return new AppError(
    'config-invalid',
    `The app cannot start; fix these settings (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    { keys },
  );
}

/** Reads a `.env` file into the environment where there is one; settings already in the environment win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** A reader's memory ceiling alone (READ_MEMORY_MB, default 512), for commands that do not talk to Slack. */
export function loadReadMemoryMb(env: Record<string, string | undefined> = process.env): number {
  return EnvSchema.shape.READ_MEMORY_MB.parse(env.READ_MEMORY_MB);
}

/** The store's directory alone (DATA_DIR, default ./data), for commands that do not talk to Slack. */
export function loadDataDir(env: Record<string, string | undefined> = process.env): string {
  return EnvSchema.shape.DATA_DIR.parse(env.DATA_DIR);
}

/** The PostgreSQL store's URL alone (DATABASE_URL), or null for the lowdb store: for commands that open the store. */
export function loadDatabaseUrl(env: Record<string, string | undefined> = process.env): string | null {
  const parsed = EnvSchema.shape.DATABASE_URL.safeParse(env.DATABASE_URL);
  if (!parsed.success) throw configError([problem('DATABASE_URL', parsed.error.issues[0]?.message ?? 'is invalid')]);
  return parsed.data ?? null;
}

/** What `hkex-shares fetch` needs without Slack: HKEXnews's address (null when off) and the size limit. */
export function loadHkexnewsSettings(env: Record<string, string | undefined> = process.env): {
  readonly hkexnewsUrl: string | null;
  readonly maxBytes: number;
} {
  const schema = EnvSchema.pick({ HKEXNEWS_URL: true, HKEXNEWS: true, MAX_FILE_MB: true });
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw configError(parsed.error.issues.map((issue) => problem(String(issue.path[0] ?? 'setting'), issue.message)));
  }
  return {
    hkexnewsUrl: parsed.data.HKEXNEWS === 'off' ? null : parsed.data.HKEXNEWS_URL,
    maxBytes: parsed.data.MAX_FILE_MB * 1024 * 1024,
  };
}
