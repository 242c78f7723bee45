/**
 * The rules an account's fields follow, shared by the queries that write accounts, the
 * command line and the forms of the app. No database here: the browser build may import
 * these (the password form's schema sits at the top of its route module).
 */
import { z } from "zod";
import { ROLES, type Role } from "../schema/enum-values";

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,64}$/, "2–64 letters, digits, '.', '_' or '-'");

/** NIST SP 800-63B: length over composition rules; 12 characters at least, 256 at most. */
export const passwordSchema = z
  .string()
  .min(12, "at least 12 characters")
  .max(256, "at most 256 characters");

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password: passwordSchema,
});

/** Only a steward looks after departments; for the other roles the list stays empty. */
export function rolesWithDepartments(role: Role): boolean {
  return role === "steward";
}
