/** The content types a browser's form is sent with. */
const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

function plainText(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...headers },
  });
}

/**
 * The posted form. A body that is no form at all (JSON, plain text, none) is refused
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
  try {
    return await request.formData();
  } catch {
    throw plainText(400, "Bad Request: the form could not be read. Reload the page and try again.");
  }
}
