import { sql } from "drizzle-orm";

/**
 * Every department's rows of a day-level appeal roll-up, as a condition its primary key
 * (department first) answers together with one on the day: those tables have no index on
 * the day alone (db/schema/rollups.ts), and a test of the day only would read them all.
 */
export const everyDepartment = sql`department_id = any(array(select id from departments))`;
