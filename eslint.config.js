import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/**
 * The layers of DESIGN.md "Layout": dependencies point one way, app → db, seeds → metrics.
 * A pattern matches an import specifier as written, relative or through the `~` alias.
 */
const PROJECT_FOLDER = (folders) => `^(~/|(\\.\\./)+(${folders})(/|$))`;
const layer = (files, patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

export const LAYER_RULES = [
  layer(
    ["metrics/**/*.{ts,tsx}"],
    [
      {
        regex: PROJECT_FOLDER("app|db|seeds|tests"),
        message: "metrics/ is pure KPI math: it imports no other project folder.",
      },
      {
        regex: "^(react|react-dom|@remix-run/.*|drizzle-orm(/.*)?|postgres|@electric-sql/.*)$",
        message: "metrics/ imports no framework or database library.",
      },
    ],
  ),
  layer(
    ["db/**/*.{ts,tsx}", "seeds/**/*.{ts,tsx}"],
    [
      {
        regex: PROJECT_FOLDER("app"),
        message: "db/ and seeds/ never import app/: move what both need below app/.",
      },
    ],
  ),
  {
    // Types are erased before the browser bundle is made: a component may name a server type.
    files: ["app/components/**/*.{ts,tsx}", "app/imports/*.tsx"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex:
                "(\\.server(\\.tsx?)?$|^(node:)?(fs|path|crypto|child_process|worker_threads)(/.*)?$)",
              allowTypeImports: true,
              message: "Components reach the browser: they import nothing server-only.",
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ["node_modules", "build", "public/build", "data", ".cache", "tests/output"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  ...LAYER_RULES,
);
