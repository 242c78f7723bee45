/** The HTML inside a page's `<main>`: what a test compares, without the header's per-visitor parts. */
export async function mainOf(response: Response): Promise<string> {
  const html = await response.text();
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1];
  if (!main) throw new Error(`no <main> in ${html.slice(0, 200)}`);
  return main;
}
