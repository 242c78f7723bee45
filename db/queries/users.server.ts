import { sql } from "drizzle-orm";
import { z } from "zod";
import { hashPassword } from "../../app/utils/password.server";
import type { Database } from "../client.server";
import { ROLES } from "../schema/enums";
import { users } from "../schema/accounts";
import { recordAudit } from "./audit.server";

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

export class UsernameTakenError extends Error {}

/** Creates a user (hashing the password) and records who did it. */
export async function createUser(
  db: Database,
  input: NewUser,
  actor: { id: number | null; name: string },
): Promise<number> {
  const user = newUserSchema.parse(input);
  const passwordHash = await hashPassword(user.password);
  return db.transaction(async (tx) => {
    const taken = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${user.username})`);
    if (taken.length > 0) throw new UsernameTakenError(`The username "${user.username}" is taken.`);
    const [created] = await tx
      .insert(users)
      .values({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        passwordHash,
      })
      .returning({ id: users.id });
    if (!created) throw new Error("user insert returned nothing");
    await recordAudit(tx, {
      actorId: actor.id,
      actorName: actor.name,
      action: "user.create",
      objectKind: "user",
      objectId: created.id,
      after: { username: user.username, displayName: user.displayName, role: user.role },
    });
    return created.id;
  });
}
