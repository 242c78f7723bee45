/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*", "**/*.css.ts"],
  // The express server is compiled with the app into build/index.js: one copy of each module.
  server: "app/server/main.server.ts",
  serverModuleFormat: "esm",
  // Route modules import db/queries for their loaders and actions, which the browser build
  // strips; the db/ modules then unused are dropped, but esbuild resolves their imports
  // first, so the Node modules they use must resolve to something there: nothing. A test
  // (tests/integration/browser-build.test.ts) checks no server code reaches the browser.
  browserNodeBuiltinsPolyfill: { modules: { crypto: "empty", util: "empty" } },
  serverPlatform: "node",
  // Database drivers are native/wasm packages: keep them out of every bundle.
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
