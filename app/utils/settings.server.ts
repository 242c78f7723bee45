/**
 * The deployment's settings (db/settings.server.ts), for route modules. Through an app
 * `.server` module, which the browser build leaves out, so it never follows a route's
 * import into the settings' schema and the Node modules it uses.
 */
export { getSettings, type Settings } from "../../db/settings.server";
