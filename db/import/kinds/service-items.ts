import { sql } from "drizzle-orm";
import { serviceItems } from "../../schema/services";
import { parseBoolean } from "../values/parse-boolean";
import { parseCode } from "../values/parse-code";
import { departmentColumn, requiredText, wholeNumber } from "./columns";
import type { KindDefinition } from "./kind";

export interface ServiceItemRow {
  code: string;
  name: string;
  departmentId: number;
  maturity: number;
  oneVisit: boolean;
  highFrequency: boolean;
  timeLimitDays: number | null;
  [key: string]: unknown;
}

/**
 * 政务服务事项: a public service item, its department and online maturity (0 information
 * only … 4 proactive / cross-department).
 */
export const serviceItemsKind: KindDefinition<ServiceItemRow> = {
  kind: "service-items",
  table: serviceItems,
  keyColumns: [serviceItems.code],
  parse(reader, { refs }) {
    const code = reader.required("code", parseCode);
    const name = requiredText(reader, "name");
    const departmentId = departmentColumn(reader, refs, "department_code");
    const maturity = wholeNumber(reader, "maturity", {
      required: true,
      min: 0,
      max: 4,
      what: "a maturity level from 0 to 4",
    });
    const oneVisit = reader.optional("one_visit", parseBoolean);
    const highFrequency = reader.optional("high_frequency", parseBoolean);
    const timeLimitDays = wholeNumber(reader, "time_limit_days", {
      required: false,
      min: 0,
      what: "a time limit of 0 or more working days",
    });
    if (
      !reader.valid ||
      !code ||
      !name ||
      !departmentId ||
      maturity === null ||
      maturity === undefined
    ) {
      return undefined;
    }
    return {
      code,
      name,
      departmentId,
      maturity,
      oneVisit: oneVisit ?? false,
      highFrequency: highFrequency ?? false,
      timeLimitDays: timeLimitDays ?? null,
    };
  },
  keyValues: (row) => [row.code],
  departmentOf: (row) => row.departmentId,
  storedOwner: { department: sql`${serviceItems.departmentId}`, keyColumns: ["code"] },
};
