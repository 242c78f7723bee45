/*
 * Imported first by the server: without NODE_ENV, React would load its development build
 * (slower rendering, extra checks) in production. `remix dev` sets its own.
 */
process.env.NODE_ENV ??= "production";
