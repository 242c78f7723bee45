/**
 * Rendered public pages kept in memory, so an anonymous visitor's scorecard page costs no
 * React render and no query (issue #21: "immutable snapshots are served from a cache keyed
 * by version, never by a query per request").
 *
 * Only anonymous GET and HEAD requests of the pages listed in PUBLIC_PAGES are served from
 * it, with no query but the parameters a page lists. A page is kept once per address,
 * locale (as the root loader resolves it) and content tag (for a scorecard: its latest
 * published version, which changes the change log of every version), and only when the app
 * answered 200 with HTML and set no cookie. What differs per response is stored as a hole
 * and filled on every answer:
 * - the CSP nonce: a fresh one per response, in the body and in Content-Security-Policy;
 * - the CSRF token: the visitor's own when its signed cookie holds one, else a new one
 *   with its Set-Cookie, as the root loader would have made (csrfToken).
 * A browser sending any other cookie (a session: signed in; or something a page may show
 * once, as a flash would be), any other query and any other answer go to the app as before.
 *
 * Another page opts in by adding its path and parameters to PUBLIC_PAGES with a content
 * tag that changes whenever what it shows does (e.g. a tag of the latest publications):
 * entries are never expired, only evicted, least recently used first, beyond maxBytes.
 */
import crypto from "node:crypto";
import { latestVersion } from "../../db/queries/scorecard-snapshots.server";
import { getDb } from "../../db/runtime.server";
import { singleton } from "../../db/singleton.server";
import { LOCALE_COOKIE, localeOf } from "../i18n/locale.server";
import { csrfToken, CSRF_COOKIE_NAMES } from "../utils/csrf.server";
import { applySecurityHeaders, isHttps } from "../utils/security-headers.server";

export interface CacheablePage {
  /** The whole pathname; its groups go to contentTag. */
  path: RegExp;
  /** Query parameters the page may have, each at most once; any other means no caching. */
  params: readonly string[];
  /**
   * What the page's content depends on besides its address and the visitor's locale: a
   * value that changes whenever the content does, or null to pass the request on uncached
   * (e.g. nothing published: a 404).
   */
  contentTag(match: RegExpExecArray): Promise<string | null>;
}

function decoded(segment: string | undefined): string | null {
  try {
    return segment === undefined ? null : decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The public pages served from the cache. */
export const PUBLIC_PAGES: readonly CacheablePage[] = [
  {
    path: /^\/scorecards\/(projects|departments)\/([^/]+)$/,
    params: ["version"],
    async contentTag(match) {
      const code = decoded(match[2]);
      if (code === null) return null;
      const subject = match[1] === "projects" ? "project" : "department";
      const latest = await latestVersion(getDb(), subject, code);
      return latest === null ? null : `latest=${latest}`;
    },
  },
];

/** Cookies a cached page may be served with: the locale (in the key) and the CSRF token (a hole). */
const KNOWN_COOKIES = new Set([LOCALE_COOKIE, ...CSRF_COOKIE_NAMES]);

function onlyKnownCookies(request: Request): boolean {
  const header = request.headers.get("Cookie");
  if (!header) return true;
  return header.split(";").every((pair) => {
    const name = pair.slice(0, pair.includes("=") ? pair.indexOf("=") : undefined).trim();
    return name === "" || KNOWN_COOKIES.has(name);
  });
}

/** The response varies with these request headers (the locale, the visitor's cookies). */
const VARY = "Cookie, Accept-Language";
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

type Hole = "nonce" | "token";

interface Entry {
  status: number;
  /** The app's headers but the CSP (the render's own nonce); a kept answer set no cookie. */
  headers: [string, string][];
  /** The body's bytes between the holes: parts[i], holes[i], parts[i + 1], … */
  parts: Buffer[];
  holes: Hole[];
  bytes: number;
}

/** How many answers came from the cache, across the process (read by the tests). */
export const publicPageCacheCounters = () =>
  singleton("public-page-cache-counters", () => ({ hits: 0, misses: 0 }));

/** A number per database, so two databases in one process (the tests) never share a page. */
const databaseIds = () =>
  singleton("public-page-cache-databases", () => ({ next: 1, ids: new WeakMap<object, number>() }));

function databaseId(): number {
  const db = getDb();
  const registry = databaseIds();
  let id = registry.ids.get(db);
  if (id === undefined) {
    id = registry.next++;
    registry.ids.set(db, id);
  }
  return id;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

function nonceOf(headers: Headers): string | null {
  return /'nonce-([^']+)'/.exec(headers.get("Content-Security-Policy") ?? "")?.[1] ?? null;
}

function withVary(headers: Headers): void {
  const existing = headers.get("Vary");
  headers.set("Vary", existing ? `${existing}, ${VARY}` : VARY);
}

/** The request with the CSRF cookie it will be given, in place of any it sent. */
function carryingCookie(request: Request, setCookie: string): Request {
  const pair = setCookie.split(";")[0]!;
  const name = pair.slice(0, pair.indexOf("="));
  const others = (request.headers.get("Cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "" && part.slice(0, part.indexOf("=")).trim() !== name);
  const headers = new Headers(request.headers);
  headers.set("Cookie", [...others, pair].join("; "));
  return new Request(request.url, { method: request.method, headers, signal: request.signal });
}

function templateOf(html: string, nonce: string, token: string): Pick<Entry, "parts" | "holes"> {
  const parts: Buffer[] = [];
  const holes: Hole[] = [];
  let last = 0;
  for (const match of html.matchAll(
    new RegExp(`${escapeRegExp(nonce)}|${escapeRegExp(token)}`, "g"),
  )) {
    parts.push(Buffer.from(html.slice(last, match.index)));
    holes.push(match[0] === nonce ? "nonce" : "token");
    last = match.index + match[0].length;
  }
  parts.push(Buffer.from(html.slice(last)));
  return { parts, holes };
}

export class PublicPageCache {
  private readonly entries = new Map<string, Entry>();
  /** Renders under way, so concurrent first requests of a page render it once. */
  private readonly rendering = new Map<string, Promise<Entry | null>>();
  private storedBytes = 0;

  constructor(
    private readonly handle: (request: Request) => Promise<Response>,
    private readonly options: { pages?: readonly CacheablePage[]; maxBytes?: number } = {},
  ) {}

  get bytes(): number {
    return this.storedBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The app's answer, from the cache when it may be. */
  async serve(request: Request): Promise<Response> {
    const key = await this.keyOf(request);
    if (key === null) return this.handle(request);
    const underWay = this.rendering.get(key);
    // No await unless a render is under way: this request must register its own first.
    const entry = this.lookUp(key) ?? (underWay ? await underWay : null);
    if (entry) {
      publicPageCacheCounters().hits += 1;
      return this.answer(request, entry);
    }
    publicPageCacheCounters().misses += 1;
    if (request.method === "HEAD") {
      // Remix answers HEAD without a body: nothing to keep, the next GET will.
      const response = await this.handle(request);
      const headers = new Headers(response.headers);
      withVary(headers);
      return new Response(null, { status: response.status, headers });
    }
    // Registered before any await, so requests arriving meanwhile wait for this render.
    let settle: (entry: Entry | null) => void = () => undefined;
    const pending = new Promise<Entry | null>((resolve) => (settle = resolve));
    this.rendering.set(key, pending);
    try {
      return await this.render(request, key, settle);
    } finally {
      settle(null); // when nothing was kept: the waiting requests render their own
      if (this.rendering.get(key) === pending) this.rendering.delete(key);
    }
  }

  /** The cache key of an anonymous GET or HEAD of a listed page, else null. */
  private async keyOf(request: Request): Promise<string | null> {
    if (request.method !== "GET" && request.method !== "HEAD") return null;
    const url = new URL(request.url);
    const pages = this.options.pages ?? PUBLIC_PAGES;
    for (const page of pages) {
      const match = page.path.exec(url.pathname);
      if (!match) continue;
      const names = [...url.searchParams.keys()];
      if (names.some((name, i) => !page.params.includes(name) || names.indexOf(name) !== i))
        return null;
      if (!onlyKnownCookies(request)) return null;
      const tag = await page.contentTag(match);
      if (tag === null) return null;
      return [databaseId(), url.origin + url.pathname + url.search, localeOf(request), tag].join(
        "\n",
      );
    }
    return null;
  }

  private lookUp(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Most recently used last: eviction takes the first.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  private store(key: string, entry: Entry): void {
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (entry.bytes > maxBytes) return;
    this.entries.set(key, entry);
    this.storedBytes += entry.bytes;
    for (const [oldest, evicted] of this.entries) {
      if (this.storedBytes <= maxBytes) break;
      this.entries.delete(oldest);
      this.storedBytes -= evicted.bytes;
    }
  }

  /** A stored page for this visitor: a fresh nonce, the visitor's CSRF token. */
  private async answer(request: Request, entry: Entry): Promise<Response> {
    const nonce = crypto.randomBytes(16).toString("base64");
    const csrf = await csrfToken(request);
    const headers = new Headers(entry.headers);
    applySecurityHeaders(headers, { https: isHttps(request), nonce });
    if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
    if (request.method === "HEAD") return new Response(null, { status: entry.status, headers });
    const fill = { nonce: Buffer.from(nonce), token: Buffer.from(csrf.token) };
    const chunks: Buffer[] = [];
    entry.parts.forEach((part, i) => {
      chunks.push(part);
      const hole = entry.holes[i];
      if (hole) chunks.push(fill[hole]);
    });
    return new Response(Buffer.concat(chunks), { status: entry.status, headers });
  }

  /**
   * Renders the page for this visitor and keeps it when it may be kept. The visitor's CSRF
   * token is settled first (a new one goes into the request as its cookie would), so the
   * render uses a token known here and the stored page's holes are found by value.
   */
  private async render(
    request: Request,
    key: string,
    settle: (entry: Entry | null) => void,
  ): Promise<Response> {
    const csrf = await csrfToken(request);
    const response = await this.handle(
      csrf.setCookie ? carryingCookie(request, csrf.setCookie) : request,
    );
    const { entry, html } = await this.keep(key, response, csrf.token);
    settle(entry);
    const headers = new Headers(response.headers);
    withVary(headers);
    if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
    return new Response(html ?? response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }

  /**
   * Stores a 200 HTML answer's template and gives its body as read; a body that may not be
   * kept (another status, a Set-Cookie of the app's own) is left unread, to stream on.
   */
  private async keep(
    key: string,
    response: Response,
    token: string,
  ): Promise<{ entry: Entry | null; html: string | null }> {
    const nonce = nonceOf(response.headers);
    const cacheable =
      response.status === 200 &&
      nonce !== null &&
      (response.headers.get("Content-Type") ?? "").startsWith("text/html") &&
      response.headers.getSetCookie().length === 0;
    if (!cacheable) return { entry: null, html: null };
    const html = await response.text();
    const headers = new Headers(response.headers);
    headers.delete("Content-Security-Policy");
    withVary(headers);
    const template = templateOf(html, nonce, token);
    // The headers' share, roughly: what matters is that the body is counted.
    const bytes = template.parts.reduce((sum, part) => sum + part.length, 0) + 1024;
    const entry: Entry = { status: response.status, headers: [...headers], ...template, bytes };
    this.store(key, entry);
    return { entry, html };
  }
}
