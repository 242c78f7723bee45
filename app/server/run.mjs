// @ts-check
/*
 * `npm start` and the command-line tools: plain node running compiled JavaScript, built
 * first when a source is newer than the build (app/server/build.mjs).
 *   node app/server/run.mjs            the server
 *   node app/server/run.mjs kpi ARGS   a command-line tool (see COMMANDS)
 */
import { pathToFileURL } from "node:url";
import { COMMANDS, SERVER_BUILD, commandBuild, ensureBuild } from "./build.mjs";

// Before React loads: without NODE_ENV it would take its development build (slower, extra
// checks). `remix dev` sets its own.
process.env.NODE_ENV ??= "production";

const [name, ...args] = process.argv.slice(2);
if (name !== undefined && !(name in COMMANDS)) {
  console.error(`Unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(", ")}.`);
  process.exit(2);
}
try {
  // Under `npm run dev`, remix dev has just built the server itself (a development build).
  if (!process.env.REMIX_DEV_ORIGIN) ensureBuild();
} catch (error) {
  console.error(`\nMingjing cannot start: ${/** @type {Error} */ (error).message}\n`);
  process.exit(1);
}
if (name === undefined) {
  const server = await import(pathToFileURL(SERVER_BUILD).href);
  await server.startServer();
} else {
  const file = commandBuild(/** @type {keyof typeof COMMANDS} */ (name));
  // The tool reads its arguments as if node had started it directly.
  process.argv = [process.argv[0] ?? "node", file, ...args];
  await import(pathToFileURL(file).href);
}
