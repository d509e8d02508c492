// Configuration from the environment, validated once at start-up with a message that names
// the variable to fix.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '../db/database.ts';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((value) => ['1', 'true', 'yes'].includes(value));

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // 'localhost' listens on both 127.0.0.1 and ::1, since browsers may try either for localhost.
  HOST: z.string().default('localhost'),
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  /** The address people reach the app at; used in links sent by e-mail. */
  PUBLIC_URL: z.url().optional(),
  /** smtp://user:pass@host:587 or smtps://…; without it, mail goes to the outbox page. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('Mogna <no-reply@mogna.localhost>'),
  SESSION_DAYS: z.coerce.number().min(0.01).max(90).default(7),
  /** Set when served over HTTPS (behind a proxy) so cookies get the Secure flag. */
  COOKIE_SECURE: booleanFlag.optional(),
  TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Login attempts allowed per IP address and 15 minutes. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /**
   * Set only by `mogna demo` (and so `npm start`): the outbox keeps and shows personal links so
   * people can try the survey without e-mail. Never decided from data; `mogna serve` leaves it off.
   */
  DEMO_MODE: booleanFlag.default(false),
  /** Responses one address may start through open links per hour (a whole office may share one address). */
  OPEN_LINK_RATE_LIMIT: z.coerce.number().int().min(1).default(20),

  /** Months after a round closes that its respondents' names and e-mail addresses are removed (the answers stay, without identity). */
  RESPONDENT_DATA_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** Days after the invitation before a respondent who has not answered can be reminded (and at most one reminder a day). */
  REMINDER_AFTER_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  /** Organisations outside a federation its national comparison needs (at least 3). */
  NATIONAL_MIN_OUTSIDE: z.coerce.number().int().min(3).default(3),
  /**
   * Worker threads that draw reports (DOCX, PDF, HTML) beside the web process, so a batch uses
   * every core and a long report never holds up other requests. 0 draws them in the process
   * itself. Default: one per core, at most four.
   */
  REPORT_WORKERS: z.coerce.number().int().min(0).max(32).default(Math.min(4, availableParallelism())),
});

export type Config = z.infer<typeof configSchema> & { publicUrl: string; secureCookies: boolean };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Record<keyof z.input<typeof configSchema>, string>> = {}): Config {
  // Demo mode comes only from the command that starts the server (`mogna demo`), never from the
  // environment, so a production server cannot be put into it by a stray variable.
  const { DEMO_MODE: _ignored, ...fromEnv } = pickDefined(env);
  const result = configSchema.safeParse({ ...fromEnv, ...pickDefined(overrides) });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
  return { ...config, publicUrl, secureCookies: config.COOKIE_SECURE ?? publicUrl.startsWith('https:') };
}

function pickDefined(source: Record<string, string | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== undefined && value !== '' && key in configSchema.shape) result[key] = value;
  }
  return result;
}
