import { sql } from "drizzle-orm";
import { appeals } from "../../schema/appeals";
import type { AppealType } from "../../schema/enums";
import { parseCode } from "../values/parse-code";
import { dateTimeParserIn } from "../values/parse-date-time";
import { APPEAL_TYPE_SYNONYMS, parseEnum } from "../values/parse-enum";
import { parseInteger } from "../values/parse-integer";
import { hashPii } from "../values/pii-hash";
import type { PiiKind } from "../values/pii-columns";
import { departmentColumn, text } from "./columns";
import type { KindDefinition } from "./kind";
import type { RowReader } from "./row-reader";

export interface AppealRow {
  externalId: string;
  channel: string | null;
  departmentId: number;
  type: AppealType;
  category: string | null;
  receivedAt: Date;
  firstContactAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  dueAt: Date | null;
  satisfaction: number | null;
  callerHash: string | null;
  [key: string]: unknown;
}

/** The caller is linked by phone, else ID number, else name: the most specific one given. */
const PII_PREFERENCE: readonly PiiKind[] = ["phone", "id_number", "name"];

const parseAppealType = (value: string) => parseEnum(value, APPEAL_TYPE_SYNONYMS);

/** A time of the appeal must not come before its receipt. */
function notBeforeReceipt(
  reader: RowReader,
  column: string,
  time: Date | null | undefined,
  receivedAt: Date,
): void {
  // getTime: comparing the Dates themselves converts each to a primitive first.
  if (time && time.getTime() < receivedAt.getTime()) {
    reader.fail(column, "is before the time the appeal was received (received_at)");
  }
}

/** 诉求: appeals from the 12345 hotline and other channels. */
export const appealsKind: KindDefinition<AppealRow> = {
  kind: "appeals",
  table: appeals,
  keyColumns: [appeals.externalId],
  parse(reader, { refs, timeZone, piiKey }) {
    const externalId = reader.required("external_id", parseCode);
    const departmentId = departmentColumn(reader, refs, "department_code");
    const type = reader.required("type", parseAppealType);
    const parseAt = dateTimeParserIn(timeZone);
    const receivedAt = reader.required("received_at", parseAt);
    const firstContactAt = reader.optional("first_contact_at", parseAt);
    const repliedAt = reader.optional("replied_at", parseAt);
    const closedAt = reader.optional("closed_at", parseAt);
    const dueAt = reader.optional("due_at", parseAt);
    const satisfaction = reader.optional("satisfaction", parseInteger);
    if (
      satisfaction !== null &&
      satisfaction !== undefined &&
      (satisfaction < 1 || satisfaction > 5)
    ) {
      reader.fail("satisfaction", "expected a satisfaction score from 1 to 5");
    }
    if (receivedAt) {
      notBeforeReceipt(reader, "first_contact_at", firstContactAt, receivedAt);
      notBeforeReceipt(reader, "replied_at", repliedAt, receivedAt);
      notBeforeReceipt(reader, "closed_at", closedAt, receivedAt);
      notBeforeReceipt(reader, "due_at", dueAt, receivedAt);
    }
    const caller = reader.personalDatum(PII_PREFERENCE);
    if (!reader.valid || !externalId || !departmentId || !type || !receivedAt) return undefined;
    return {
      externalId,
      channel: text(reader, "channel"),
      departmentId,
      type,
      category: text(reader, "category"),
      receivedAt,
      firstContactAt: firstContactAt ?? null,
      repliedAt: repliedAt ?? null,
      closedAt: closedAt ?? null,
      dueAt: dueAt ?? null,
      satisfaction: satisfaction ?? null,
      // Personal data is never stored in clear: a keyed hash links repeat callers, or nothing.
      callerHash: caller && piiKey ? hashPii(caller.value, piiKey, caller.kind) : null,
    };
  },
  keyValues: (row) => [row.externalId],
  departmentOf: (row) => row.departmentId,
  storedOwner: { department: sql`${appeals.departmentId}`, keyColumns: ["external_id"] },
};
