/** Messages of the supervision dashboard (/dashboard…): both languages side by side. */
export const dashboard = {} as const satisfies Record<string, { zh: string; en: string }>;
