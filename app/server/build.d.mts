/** Types of build.mjs, which node runs as plain JavaScript before anything is compiled. */
export declare const ROOT: string;
export declare const SERVER_BUILD: string;
export declare const COMMANDS: Record<
  "import" | "kpi" | "create-admin" | "rebuild-rollups" | "seed-csv",
  string
>;
export declare function isBuildStale(): boolean;
export declare function build(options?: { quiet?: boolean }): void;
export declare function ensureBuild(): void;
export declare function commandBuild(name: keyof typeof COMMANDS): string;
