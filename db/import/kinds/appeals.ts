import { appeals } from "../../schema/appeals";
import type { AppealType } from "../../schema/enums";
import { parseCode } from "../values/parse-code";
import { parseDateTime } from "../values/parse-date-time";
import { APPEAL_TYPE_SYNONYMS, parseEnum } from "../values/parse-enum";
import { parseInteger } from "../values/parse-integer";
import { hashPii } from "../values/pii-hash";
import type { PiiKind } from "../values/pii-columns";
import { departmentColumn, text } from "./columns";
import type { KindDefinition } from "./kind";

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

/** 诉求: appeals from the 12345 hotline and other channels. */
export const appealsKind: KindDefinition<AppealRow> = {
  kind: "appeals",
  table: appeals,
  keyColumns: [appeals.externalId],
  parse(reader, { refs, timeZone, piiKey }) {
    const externalId = reader.required("external_id", parseCode);
    const departmentId = departmentColumn(reader, refs, "department_code");
    const type = reader.required("type", (value) => parseEnum(value, APPEAL_TYPE_SYNONYMS));
    const at = (column: string) =>
      reader.optional(column, (value) => parseDateTime(value, timeZone));
    const receivedAt = reader.required("received_at", (value) => parseDateTime(value, timeZone));
    const firstContactAt = at("first_contact_at");
    const repliedAt = at("replied_at");
    const closedAt = at("closed_at");
    const dueAt = at("due_at");
    const satisfaction = reader.optional("satisfaction", parseInteger);
    if (
      satisfaction !== null &&
      satisfaction !== undefined &&
      (satisfaction < 1 || satisfaction > 5)
    ) {
      reader.fail("satisfaction", "expected a satisfaction score from 1 to 5");
    }
    if (receivedAt) {
      const times = {
        first_contact_at: firstContactAt,
        replied_at: repliedAt,
        closed_at: closedAt,
        due_at: dueAt,
      };
      for (const [column, time] of Object.entries(times)) {
        if (time && time < receivedAt)
          reader.fail(column, "is before the time the appeal was received (received_at)");
      }
    }
    const personal = reader.personalData();
    const caller = PII_PREFERENCE.map((kind) => personal.find((cell) => cell.kind === kind)).find(
      Boolean,
    );
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
      callerHash: caller && piiKey ? hashPii(caller.value, piiKey, caller.kind as PiiKind) : null,
    };
  },
  keyValues: (row) => [row.externalId],
  departmentOf: (row) => row.departmentId,
};
