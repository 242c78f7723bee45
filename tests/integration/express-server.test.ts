/**
 * The real server (npm start: express, its middleware, the Remix
 * handler) in a child process on an ephemeral port, with the demo seeded: what a
 * browser gets over a socket, headers exactly as sent.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { postgresOptions } from "../../db/client.server";
import { DEMO_PASSWORD } from "../../seeds/demo/framework";
import { adminUrl, databaseUrlFor } from "../setup/database-urls";
import { BROWSER_AGENT, byteProblem } from "../support/page-bytes";

const SECURITY_HEADERS = [
  "x-content-type-options",
  "referrer-policy",
  "x-frame-options",
  "cross-origin-opener-policy",
  "permissions-policy",
];

interface Answer {
  status: number;
  /** Header name (lower case) → every value sent under it, one per header line. */
  headers: Map<string, string[]>;
  body: Buffer;
}

let server: ChildProcess;
let base: string;
let dataDir: string;
let dropDatabase: (() => Promise<void>) | undefined;
const cookies = new Map<string, string>();

/** One request over a socket, keeping cookies; headers counted line by line. */
function send(
  pathname: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${base}${pathname}`,
      {
        method: options.method ?? "GET",
        headers: {
          "User-Agent": BROWSER_AGENT,
          Cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; "),
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const headers = new Map<string, string[]>();
          const raw = response.rawHeaders;
          for (let i = 0; i < raw.length; i += 2) {
            const name = raw[i]!.toLowerCase();
            headers.set(name, [...(headers.get(name) ?? []), raw[i + 1]!]);
          }
          for (const line of headers.get("set-cookie") ?? []) {
            const [pair] = line.split(";");
            const [name, ...value] = (pair ?? "").split("=");
            if (name) cookies.set(name, value.join("="));
          }
          resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

async function signIn(username: string): Promise<void> {
  const login = await send("/login");
  const csrf = /name="csrf" value="([^"]+)"/.exec(login.body.toString("utf8"))?.[1] ?? "";
  const answer = await send("/login", {
    method: "POST",
    body: new URLSearchParams({ username, password: DEMO_PASSWORD, csrf }).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
  });
  expect(answer.status, answer.body.toString("utf8")).toBe(302);
}

/** Each security header once; the document's policy too. */
function expectEachSecurityHeaderOnce(answer: Answer, what: string) {
  for (const name of SECURITY_HEADERS)
    expect(answer.headers.get(name), `${name} of ${what}`).toHaveLength(1);
}

/** A database of its own for the server: a data folder, or a PostgreSQL database. */
async function databaseEnv(): Promise<Record<string, string>> {
  const url = process.env.DATABASE_URL;
  if (!url) return { MINGJING_DATA_DIR: path.join(dataDir, "data") };
  const name = `mingjing_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl(url), postgresOptions);
  await admin.unsafe(`create database ${name} template ${inject("postgresTemplate")}`);
  dropDatabase = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  return {
    DATABASE_URL: databaseUrlFor(url, name),
    MINGJING_DEMO: "1",
    SESSION_SECRET: crypto.randomBytes(24).toString("hex"),
  };
}

/** Everything the server printed, to stdout and stderr, since it started. */
let output = "";

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-express-"));
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: undefined,
    SESSION_SECRET: undefined,
    ...(await databaseEnv()),
  };
  server = spawn(process.execPath, ["app/server/run.mjs"], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  base = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /running at http:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    };
    server.stdout!.on("data", read);
    server.stderr!.on("data", read);
    server.once("exit", (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  await signIn("leader");
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await dropDatabase?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the express server", () => {
  it("sends each security header once on documents, data, resource routes and files", async () => {
    const document = await send("/dashboard");
    expect(document.status).toBe(200);
    expectEachSecurityHeaderOnce(document, "/dashboard");
    expect(document.headers.get("content-security-policy")).toHaveLength(1);
    const asset = /(?:href|src)="(\/build\/[^"]+)"/.exec(document.body.toString("utf8"))?.[1];
    expect(asset).toBeDefined();
    for (const pathname of [
      "/dashboard.data",
      "/healthz",
      "/imports/templates/appeals.csv",
      asset!,
      "/no-such-page",
    ]) {
      const answer = await send(pathname);
      expect(answer.status, pathname).toBeLessThan(500);
      expectEachSecurityHeaderOnce(answer, pathname);
    }
    const refused = await send("/dashboard", { method: "DELETE", headers: { Origin: base } });
    expect(refused.status).toBe(405);
    expectEachSecurityHeaderOnce(refused, "DELETE /dashboard");
  });

  it("answers addresses no route takes with a 404 page, and logs nothing", async () => {
    const before = output.length;
    for (const pathname of ["/favicon.ico", "/no-such-page", "/dashboard/no/such/page"]) {
      const answer = await send(pathname);
      expect(answer.status, pathname).toBe(404);
      expect(answer.body.toString("utf8"), pathname).toContain("<h1>");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(output.slice(before)).toBe("");
  });

  it("tells caches to keep nothing of a signed-in user's pages and data", async () => {
    for (const pathname of [
      "/dashboard",
      "/dashboard.data",
      "/_root.data",
      "/dashboard?_data=root",
      "/",
    ])
      expect((await send(pathname)).headers.get("cache-control"), pathname).toEqual(["no-store"]);
    const anonymous = new Map(cookies);
    cookies.clear();
    try {
      expect((await send("/")).headers.get("cache-control")).toBeUndefined();
    } finally {
      for (const [name, value] of anonymous) cookies.set(name, value);
    }
  });

  it("streams pages without NUL bytes, as valid UTF-8", async () => {
    const dashboard = await send("/dashboard");
    const departments = [
      ...new Set(
        [
          ...dashboard.body.toString("utf8").matchAll(/href="(\/dashboard\/departments\/[^"?]+)/g),
        ].map((match) => match[1]!),
      ),
    ].slice(0, 4);
    expect(departments.length).toBeGreaterThan(0);
    for (const pathname of [
      "/dashboard",
      "/dashboard/red-flags",
      "/dashboard/rankings",
      ...departments,
    ]) {
      const answer = await send(pathname);
      expect(answer.status, pathname).toBe(200);
      expect(byteProblem(new Uint8Array(answer.body)), pathname).toBeNull();
    }
  });
});
