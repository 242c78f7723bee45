/**
 * The largest form body read: a page's form is a few kilobytes (a rubric with every
 * justification filled is under 100 KB). Files come through the uploads' own streaming
 * path (app/imports/uploads.server.ts), never here. Without a cap, one 200 MB POST held
 * ~500 MB of server memory before its answer.
 */
export const MAX_FORM_BYTES = 1024 * 1024;

/** The content types a browser's form is sent with. */
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

function plainText(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...headers },
  });
}

const tooLarge = () =>
  plainText(413, `Payload Too Large: a form may hold at most ${MAX_FORM_BYTES / 1024} KB.`);

/** The body's bytes, refused as soon as they pass MAX_FORM_BYTES, whatever it declared. */
async function cappedBody(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get("Content-Length") ?? 0);
  if (declared > MAX_FORM_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > MAX_FORM_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * The posted form, of at most MAX_FORM_BYTES (413 beyond). A body that is no form at all (JSON, plain text, none) is refused
 * with 415 and a form that cannot be parsed with 400: the sender's mistake, which
 * `request.formData()` would otherwise turn into a TypeError and a 500.
 */
export async function readFormBody(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(type))
    throw plainText(
      415,
      "Unsupported Media Type: send this form as application/x-www-form-urlencoded or multipart/form-data.",
      { "Accept-Post": [...FORM_TYPES].join(", ") },
    );
  const body = await cappedBody(request);
  try {
    return await new Response(new Uint8Array(body), {
      headers: { "Content-Type": request.headers.get("Content-Type")! },
    }).formData();
  } catch {
    throw plainText(400, "Bad Request: the form could not be read. Reload the page and try again.");
  }
}
