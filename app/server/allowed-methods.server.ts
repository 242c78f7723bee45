import type { ServerBuild } from "@remix-run/node";
import { matchRoutes } from "@remix-run/react";

interface RouteNode {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children?: RouteNode[];
}

/** The build's flat route manifest as the nested tree the router matches against. */
function routeTree(build: ServerBuild): RouteNode[] {
  const byParent = new Map<string | undefined, ServerBuild["routes"][string][]>();
  for (const route of Object.values(build.routes)) {
    const siblings = byParent.get(route.parentId) ?? [];
    siblings.push(route);
    byParent.set(route.parentId, siblings);
  }
  const nodesUnder = (parentId: string | undefined): RouteNode[] =>
    (byParent.get(parentId) ?? []).map((route) => ({
      id: route.id,
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      children: route.index ? undefined : nodesUnder(route.id),
    }));
  return nodesUnder(undefined);
}

/** The page a Single Fetch data request (`/x.data`, `/_root.data`) is for. */
function pagePathname(pathname: string): string {
  if (pathname === "/_root.data") return "/";
  return pathname.endsWith(".data") ? pathname.slice(0, -".data".length) : pathname;
}

/**
 * The HTTP methods the route an address names takes: GET and HEAD, and POST when the
 * route has an action; null when no route matches (Remix answers 404). The route is
 * the one Remix would hand a POST to: the deepest match, except that an index route
 * takes it only when asked with `?index`.
 */
export function allowedMethods(build: ServerBuild): (url: URL) => string[] | null {
  const routes = routeTree(build);
  return (url) => {
    const matches = matchRoutes(
      routes as Parameters<typeof matchRoutes>[0],
      pagePathname(url.pathname),
    );
    if (!matches || matches.length === 0) return null;
    const nakedIndex = url.searchParams.getAll("index").some((value) => value === "");
    let target = matches[matches.length - 1]!;
    if (target.route.index && !nakedIndex && matches.length > 1)
      target = matches[matches.length - 2]!;
    const route = build.routes[(target.route as RouteNode).id];
    return route?.module.action ? ["GET", "HEAD", "POST"] : ["GET", "HEAD"];
  };
}

/** 405, naming the methods the address does take. */
export function methodNotAllowed(method: string, allowed: string[]): Response {
  return new Response(
    `405 Method Not Allowed: this address does not take ${method}; it takes ${allowed.join(", ")}.`,
    {
      status: 405,
      headers: { Allow: allowed.join(", "), "Content-Type": "text/plain; charset=utf-8" },
    },
  );
}
