import crypto from "node:crypto";
import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
// The web-streams renderer, not renderToPipeableStream: React 18's Node writer sends its
// whole 2048-byte buffer when the next multi-byte character does not fit at its end, the
// unwritten zero bytes included (facebook/react#31134), so Chinese pages carried
// `事\0\0项` wherever a chunk ended. The web-streams build sends only the bytes it wrote.
import { renderToReadableStream } from "react-dom/server.browser";
import { NonceProvider } from "./utils/nonce-provider";
import { applySecurityHeaders, isHttps } from "./utils/security-headers.server";

const ABORT_DELAY_MS = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const nonce = crypto.randomBytes(16).toString("base64");
  // Only this document knows its nonce, so its Content-Security-Policy is set here; the
  // request handler sets the other security headers on every response.
  applySecurityHeaders(responseHeaders, { https: isHttps(request), nonce });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ABORT_DELAY_MS);
  let shellRendered = false;
  const body = await renderToReadableStream(
    <NonceProvider value={nonce}>
      <RemixServer
        context={remixContext}
        url={request.url}
        abortDelay={ABORT_DELAY_MS}
        nonce={nonce}
      />
    </NonceProvider>,
    {
      nonce,
      signal: controller.signal,
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors before the shell reject the render and reach Remix's error handling.
        if (shellRendered) console.error(error);
      },
    },
  );
  shellRendered = true;
  const allReady = body.allReady.then(
    () => clearTimeout(timer),
    () => clearTimeout(timer), // the stream itself carries the failure to the client
  );
  // Bots and no-JavaScript clients get the whole document at once; browsers get it streamed.
  if (isbot(request.headers.get("user-agent") ?? "")) await allReady;
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}
