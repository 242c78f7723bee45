/**
 * The public rating form's limits, shared by the server (db/queries/public-ratings.server.ts)
 * and the page that states them: not a .server module, so a route component may import it.
 */

/** The longest comment a citizen may leave, in characters. */
export const COMMENT_MAX = 500;
/** Ratings one client address may give within an hour, across every scorecard. */
export const MAX_PER_ADDRESS_PER_HOUR = 5;
/** Ratings one client address may give the same project or service within a day. */
export const MAX_PER_TARGET_PER_DAY = 1;
