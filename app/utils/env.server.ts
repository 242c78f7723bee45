import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false"])
  .transform((value) => value === "1" || value === "true");

const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  MINGJING_DATA_DIR: z.string().min(1).default("data"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  MINGJING_TIME_ZONE: z
    .string()
    .default("Asia/Shanghai")
    .refine(isKnownTimeZone, "is not an IANA time zone such as Asia/Shanghai"),
  MINGJING_MAX_UPLOAD_MB: z.coerce.number().positive().default(200),
  MINGJING_PII_KEY: z.string().min(16, "must be at least 16 characters").optional(),
  MINGJING_DEMO: flag.optional(),
});

export type Settings = {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string | undefined;
  sessionSecret: string | undefined;
  timeZone: string;
  maxUploadBytes: number;
  piiKey: string | undefined;
  demo: boolean;
};

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Empty strings count as unset, as in most process managers' env files. */
function withoutEmpty(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

export class SettingsError extends Error {}

/** Parses the environment; throws a SettingsError naming every bad variable. */
export function parseSettings(env: Record<string, string | undefined> = process.env): Settings {
  const result = envSchema.safeParse(withoutEmpty(env));
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) =>
        `  ${issue.path.join(".")}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`,
    );
    throw new SettingsError(`Invalid environment settings:\n${lines.join("\n")}`);
  }
  const parsed = result.data;
  return {
    databaseUrl: parsed.DATABASE_URL,
    dataDir: path.resolve(parsed.MINGJING_DATA_DIR),
    port: parsed.PORT,
    host: parsed.HOST,
    sessionSecret: parsed.SESSION_SECRET,
    timeZone: parsed.MINGJING_TIME_ZONE,
    maxUploadBytes: Math.round(parsed.MINGJING_MAX_UPLOAD_MB * 1024 * 1024),
    piiKey: parsed.MINGJING_PII_KEY,
    // The demo is on by default only for the embedded database.
    demo: parsed.MINGJING_DEMO ?? parsed.DATABASE_URL === undefined,
  };
}

let cached: Settings | undefined;

export function getSettings(): Settings {
  cached ??= parseSettings();
  return cached;
}
