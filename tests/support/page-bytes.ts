/** A browser's user agent: isbot says no, so the document is streamed (onShellReady). */
export const BROWSER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";

/** What is wrong with a page's bytes, or null: a NUL byte, or invalid UTF-8. */
export function byteProblem(bytes: Uint8Array): string | null {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const around = new TextDecoder().decode(bytes.subarray(Math.max(0, nul - 12), nul + 12));
    return `NUL byte at ${nul} of ${bytes.length}: ${JSON.stringify(around)}`;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "not valid UTF-8";
  }
  return null;
}
