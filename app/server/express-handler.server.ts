import { createReadableStreamFromReadable, writeReadableStreamToWritable } from "@remix-run/node";
import type express from "express";
import { requestUrl } from "./forwarded-headers.server";

/**
 * The Fetch API request of an express request: its URL as the browser asked for it (the
 * same one the server's own checks use), and an abort when the client goes away
 * before the answer is sent.
 */
function fetchRequestOf(req: express.Request, res: express.Response): Request {
  const url = requestUrl(req);
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(name, value);
  }
  let controller: AbortController | null = new AbortController();
  const signal = controller.signal;
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    signal,
    ...(hasBody ? { body: createReadableStreamFromReadable(req), duplex: "half" } : {}),
  } as RequestInit);
}

/**
 * Sends a Fetch API response. Headers are set, not appended as @remix-run/express does,
 * so a header an earlier middleware set (the security headers on every answer, static
 * files included) is replaced by the app's own, never sent twice.
 */
async function send(res: express.Response, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** Express middleware answering with a Fetch API handler (the app's request handler). */
export function expressHandler(
  handle: (request: Request) => Promise<Response>,
): express.RequestHandler {
  return async (req, res, next) => {
    try {
      await send(res, await handle(fetchRequestOf(req, res)));
    } catch (error) {
      next(error);
    }
  };
}
