import { parseSettings } from "../settings.server";
import { openMigratedDatabase } from "../open-migrated.server";
import { passwordSchema, usernameSchema } from "../accounts/user-rules";
import { createUserWithDepartments } from "../queries/users.server";
import { promptPassword } from "./prompt-password";

/** npm run create-admin -- USERNAME: the first admin of a deployment without demo data. */
async function main(): Promise<number> {
  const username = usernameSchema.safeParse(process.argv[2] ?? "");
  if (!username.success) {
    console.error(
      `Usage: npm run create-admin -- USERNAME\nUSERNAME: ${username.error.issues[0]?.message}`,
    );
    return 2;
  }
  const password = await promptPassword(`Password for ${username.data}: `);
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) {
    console.error(`The password is too weak: ${checked.error.issues[0]?.message}.`);
    return 2;
  }
  if (process.stdin.isTTY && (await promptPassword("Repeat the password: ")) !== password) {
    console.error("The two passwords differ; nothing was created.");
    return 2;
  }
  const handle = await openMigratedDatabase(parseSettings(), "npm run create-admin");
  try {
    const created = await createUserWithDepartments(
      handle.db,
      {
        username: username.data,
        displayName: username.data,
        role: "admin",
        password,
        departmentIds: [],
      },
      { id: null, name: "command line", ip: null },
    );
    if (!created.ok) {
      console.error(
        `Nothing was created: ${created.reason === "username_taken" ? `the username "${username.data}" is taken` : created.reason}.`,
      );
      return 1;
    }
    console.log(`Created the admin "${username.data}".`);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`create-admin failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
