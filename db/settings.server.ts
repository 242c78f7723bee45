import net from "node:net";
import path from "node:path";
import { z } from "zod";

const flag = z
  .enum(["0", "1", "true", "false"])
  .transform((value) => value === "1" || value === "true");

/** express's names for the loopback, link-local and private (unique local) networks. */
const NAMED_NETWORKS = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An IP address, a network in CIDR notation ("10.0.0.0/8", "fd00::/8"), or a named network. */
function isAddressOrNetwork(entry: string): boolean {
  if (NAMED_NETWORKS.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = version === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= bits;
}

/**
 * Peers whose X-Forwarded-For/-Host/-Proto are believed: a comma-separated list of
 * addresses and networks. From anyone else those headers are ignored, since any client
 * can send them.
 */
const trustedProxies = z
  .string()
  .transform((value) => value.split(",").map((entry) => entry.trim()))
  .superRefine((entries, context) => {
    const bad = entries.filter((entry) => !isAddressOrNetwork(entry));
    if (bad.length > 0)
      context.addIssue({
        code: "custom",
        message: `${bad.map((entry) => JSON.stringify(entry)).join(", ")} is not an IP address or CIDR network: give a comma-separated list such as 10.0.0.1,192.168.0.0/16,::1`,
      });
  });

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
  MINGJING_TRUSTED_PROXIES: trustedProxies.optional(),
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
  /** Addresses and networks of reverse proxies whose forwarded headers are believed. */
  trustedProxies: string[];
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
    trustedProxies: parsed.MINGJING_TRUSTED_PROXIES ?? [],
  };
}

let cached: Settings | undefined;

export function getSettings(): Settings {
  cached ??= parseSettings();
  return cached;
}
