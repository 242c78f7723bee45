/** The same server, another database: for creating and dropping test databases. */
export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Creating and dropping databases goes through the maintenance database. */
export function adminUrl(url: string): string {
  return databaseUrlFor(url, "postgres");
}
