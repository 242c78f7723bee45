/**
 * Anyone: "ok" from the running process, without touching the database (liveness, where
 * /healthz is readiness: migrated, seeded, the database answering). It goes through the
 * whole pipeline a page does (security headers, origin check, method check, Remix's
 * handler) and nothing more, so `npm run bench:public` measures pages against it.
 */
export function loader() {
  return new Response("ok", {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
