import { eq } from "drizzle-orm";
import { z } from "zod";
import { hashPassword, verifyPassword } from "../accounts/password.server";
import type { Database } from "../client.server";
import { ROLES } from "../schema/enums";
import { users } from "../schema/accounts";
import { recordAudit } from "./audit.server";
import { revokeUserSessions } from "./sessions.server";

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
export type NewUser = z.infer<typeof newUserSchema>;

/**
 * Changes a password after checking the current one; every other session of the user
 * ends. Returns false when the current password is wrong.
 */
export async function changePassword(
  db: Database,
  input: {
    userId: number;
    currentPassword: string;
    newPassword: string;
    keepSession?: string;
    actor: { id: number; name: string; ip: string | null };
  },
): Promise<boolean> {
  const [user] = await db.select().from(users).where(eq(users.id, input.userId));
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash)).valid)
    return false;
  const passwordHash = await hashPassword(passwordSchema.parse(input.newPassword));
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, input.keepSession);
    await recordAudit(tx, {
      actorId: input.actor.id,
      actorName: input.actor.name,
      action: "auth.password_change",
      objectKind: "user",
      objectId: user.id,
      ip: input.actor.ip,
    });
  });
  return true;
}
