/** Messages of the import pages (/imports…): both languages side by side. */
export const imports = {} as const satisfies Record<string, { zh: string; en: string }>;
