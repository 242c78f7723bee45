import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { crossSiteReason } from "../utils/csrf.server";
import { isHttps } from "../utils/security-headers.server";
import { acceptForwardedHeaders, requestUrl, trustProxies } from "./forwarded-headers.server";

interface Seen {
  clientIp: string;
  url: string;
  https: boolean;
  crossSite: string | null;
  forwardedHost: string | null;
}

let server: http.Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/**
 * An express app set up as express-app.server.ts sets up the real one, answering with what the
 * app would see: the client address, the request URL, HTTPS or not, and the verdict of
 * the cross-site check (at the server and, on the URL Remix gets, in every action).
 */
async function serve(trusted: string[]): Promise<number> {
  const app = express();
  trustProxies(app, trusted);
  app.use(acceptForwardedHeaders);
  app.all("*", (req, res) => {
    const url = requestUrl(req);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    const seen: Seen = {
      clientIp: req.get("x-mingjing-client-ip") ?? "",
      url,
      https: isHttps(new Request(url, { headers })),
      crossSite: crossSiteReason(req.method, url, headers),
      forwardedHost: req.get("x-forwarded-host") ?? null,
    };
    res.json(seen);
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server!.once("listening", resolve));
  return (server!.address() as AddressInfo).port;
}

/** A POST from 127.0.0.1 with the given headers (Host set as a browser or proxy would). */
function post(port: number, headers: Record<string, string>): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method: "POST", path: "/login?x=1", headers },
      (response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => resolve(JSON.parse(body) as Seen));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

const forged = {
  "X-Forwarded-For": "203.0.113.9",
  "X-Forwarded-Host": "evil.example",
  "X-Forwarded-Proto": "https",
  Origin: "https://evil.example",
};

describe("forwarded headers", () => {
  it("ignores them from a peer that is not a trusted proxy (the default: none)", async () => {
    const port = await serve([]);
    const seen = await post(port, { Host: `127.0.0.1:${port}`, ...forged });
    expect(seen.clientIp).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(seen.url).toBe(`http://127.0.0.1:${port}/login?x=1`);
    expect(seen.https).toBe(false);
    expect(seen.crossSite).toBe("the request came from another site");
    expect(seen.forwardedHost).toBeNull();
    // The browser's own Origin still passes.
    const own = await post(port, { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}` });
    expect(own.crossSite).toBeNull();
  });

  it("ignores them from a peer outside the trusted networks", async () => {
    const port = await serve(["10.0.0.0/8", "192.0.2.1"]);
    const seen = await post(port, { Host: `127.0.0.1:${port}`, ...forged });
    expect(seen.clientIp).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(seen.https).toBe(false);
    expect(seen.crossSite).toBe("the request came from another site");
  });

  it("takes the client address, scheme and host from a trusted proxy", async () => {
    const port = await serve(["127.0.0.1/8", "::1"]);
    const seen = await post(port, {
      Host: `127.0.0.1:${port}`,
      "X-Forwarded-For": "203.0.113.9",
      "X-Forwarded-Host": "dash.example:8443",
      "X-Forwarded-Proto": "https",
      Origin: "https://dash.example:8443",
    });
    expect(seen.clientIp).toBe("203.0.113.9");
    expect(seen.url).toBe("https://dash.example:8443/login?x=1");
    expect(seen.https).toBe(true);
    expect(seen.crossSite).toBeNull();
    // Another site's Origin is still another site behind the proxy.
    const cross = await post(port, {
      Host: `127.0.0.1:${port}`,
      "X-Forwarded-Host": "dash.example:8443",
      "X-Forwarded-Proto": "https",
      Origin: "https://evil.example",
    });
    expect(cross.crossSite).toBe("the request came from another site");
  });

  it("takes the address the trusted proxy saw, not one the client put before it", async () => {
    const port = await serve(["127.0.0.1"]);
    const seen = await post(port, {
      Host: `127.0.0.1:${port}`,
      "X-Forwarded-For": "198.51.100.66, 203.0.113.9",
    });
    expect(seen.clientIp).toBe("203.0.113.9");
  });
});
