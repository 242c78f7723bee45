import type { SessionUser } from "../../db/queries/sessions.server";
import type { Role } from "../../db/schema/enums";
import type { MessageKey } from "../i18n/messages";
import { getOptionalUser, redirectToLogin } from "./session.server";

export type { SessionUser };

/** What a route asks of its visitor: one of these roles. */
export interface Requirement {
  roles: readonly Role[];
}

export function forbidden(): Response {
  return new Response("Forbidden: your role does not give access to this page.", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

export function notFound(what = "Not found"): Response {
  return new Response(what, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * The one gate of every internal loader and action: anonymous visitors are sent to
 * /login, a signed-in user without one of the roles gets 403. Remix runs nested
 * loaders in parallel, so each loader and action calls this itself.
 */
export async function requireUser(
  request: Request,
  requirement: Requirement,
): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) throw redirectToLogin(request);
  if (!requirement.roles.includes(user.role)) throw forbidden();
  return user;
}

/** Any signed-in user (account pages). */
export async function requireSignedIn(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) throw redirectToLogin(request);
  return user;
}

/**
 * Object-level scope: leaders and admins see every department; a steward only its own.
 * Anything outside the scope is 404, so its existence is not revealed.
 */
export function canSeeDepartment(user: SessionUser, departmentId: number): boolean {
  if (user.role === "admin" || user.role === "leader") return true;
  if (user.role === "steward") return user.departmentIds.includes(departmentId);
  return false;
}

export function requireDepartment(user: SessionUser, departmentId: number | undefined): void {
  if (departmentId === undefined || !canSeeDepartment(user, departmentId)) throw notFound();
}

/** Where each role lands after signing in. */
export function homeOf(role: Role): string {
  switch (role) {
    case "admin":
      return "/admin/users";
    case "leader":
      return "/dashboard";
    case "steward":
      return "/dashboard";
    case "evaluator":
      return "/evaluation";
  }
}

/** The departments a user's lists cover: all (null) for leaders and admins. */
export function departmentScope(user: SessionUser): readonly number[] | null {
  return user.role === "admin" || user.role === "leader" ? null : user.departmentIds;
}

/** An evaluator sees only its own assignments; leaders and admins see every one. */
export function requireAssignment(
  user: SessionUser,
  assignment: { evaluatorId: number } | undefined,
): void {
  if (!assignment) throw notFound();
  if (user.role === "evaluator" && assignment.evaluatorId !== user.id) throw notFound();
}

/** The sections of the internal site a role may open, for the header's navigation. */
export function sectionsOf(role: Role): Array<{ href: string; labelKey: MessageKey }> {
  const sections = [
    {
      href: "/dashboard",
      labelKey: "common.section.dashboard",
      roles: ["admin", "leader", "steward"],
    },
    {
      href: "/dashboard/ratings",
      labelKey: "ratings.section",
      roles: ["admin", "leader", "steward"],
    },
    { href: "/imports", labelKey: "common.section.imports", roles: ["admin", "steward"] },
    {
      href: "/dashboard/scorecards",
      labelKey: "scorecards.section",
      roles: ["admin", "leader"],
    },
    {
      href: "/evaluation",
      labelKey: "common.section.evaluation",
      roles: ["admin", "leader", "evaluator"],
    },
    {
      href: "/supervision/cases",
      labelKey: "supervision.title",
      roles: ["admin", "leader", "steward"],
    },
    { href: "/admin/users", labelKey: "common.section.admin", roles: ["admin"] },
  ] as const;
  return sections
    .filter((section) => (section.roles as readonly Role[]).includes(role))
    .map(({ href, labelKey }) => ({ href, labelKey }));
}
