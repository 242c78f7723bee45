import { sql } from "drizzle-orm";
import { importReplacedRows } from "../../schema/imports";
import { ratings } from "../../schema/ratings";
import { parseCode } from "../values/parse-code";
import { dateTimeParserIn } from "../values/parse-date-time";
import { parseEnum, RATING_TARGET_SYNONYMS } from "../values/parse-enum";
import { naturalKeyText } from "../write-chunk.server";
import { optionalText, wholeNumber, type OwnedReference } from "./columns";
import type { KindDefinition } from "./kind";
import { projectDepartment, serviceItemDepartment } from "./owners";

export interface RatingRow {
  externalId: string;
  target: "service" | "project";
  serviceItemId: number | null;
  projectId: number | null;
  score: number;
  channel: string | null;
  ratedAt: Date;
  comment: string | null;
  commentState: "pending" | null;
  [key: string]: unknown;
}

const departmentOfRow = new WeakMap<RatingRow, number>();

/**
 * 好差评: a citizen's 1–5 rating of a service item (事项) or a project (项目). A comment
 * waits for moderation ("pending") before the public sees it; a moderator's decision on a
 * comment survives importing the same comment again (see afterChunk).
 */
export const ratingsKind: KindDefinition<RatingRow> = {
  kind: "ratings",
  table: ratings,
  keyColumns: [ratings.externalId],
  parse(reader, { refs, timeZone }) {
    const externalId = reader.required("external_id", parseCode);
    const target = reader.required("target", (value) => parseEnum(value, RATING_TARGET_SYNONYMS));
    const targetCode = reader.required("target_code", parseCode);
    let rated: OwnedReference | undefined;
    if (target && targetCode) {
      rated = (target === "service" ? refs.serviceItems : refs.projects).get(targetCode);
      if (!rated) {
        reader.fail(
          "target_code",
          target === "service"
            ? "expected the code of a known service item, as the target is a service: no service item has this code"
            : "expected the code of a known project, as the target is a project: no project has this code",
        );
      }
    }
    const score = wholeNumber(reader, "score", {
      required: true,
      min: 1,
      max: 5,
      what: "a score from 1 to 5",
    });
    const channel = optionalText(reader, "channel");
    const ratedAt = reader.required("rated_at", dateTimeParserIn(timeZone));
    const comment = optionalText(reader, "comment");
    if (
      !reader.valid ||
      !externalId ||
      !target ||
      !rated ||
      typeof score !== "number" ||
      channel === undefined ||
      !ratedAt ||
      comment === undefined
    ) {
      return undefined;
    }
    const row: RatingRow = {
      externalId,
      target,
      serviceItemId: target === "service" ? rated.id : null,
      projectId: target === "project" ? rated.id : null,
      score,
      channel,
      ratedAt,
      comment,
      commentState: comment === null ? null : "pending",
    };
    departmentOfRow.set(row, rated.departmentId);
    return row;
  },
  keyValues: (row) => [row.externalId],
  departmentOf: (row) => departmentOfRow.get(row),
  // A rating is its target's: the stored rating's, whatever target the file gives it.
  storedOwner: {
    department: sql`coalesce(${projectDepartment(ratings.projectId)}, ${serviceItemDepartment(ratings.serviceItemId)})`,
    keyColumns: ["external_id"],
  },
  /**
   * A rating imported again with the same comment keeps the moderator's decision on it:
   * the version it replaced (recorded by the engine for a revert) gives the state back.
   */
  async afterChunk(tx, rows) {
    const commented = rows.filter((row) => row.comment !== null);
    if (commented.length === 0) return;
    const keys = sql.join(
      commented.map(
        (row) => sql`(${row.externalId}::text, ${naturalKeyText([row.externalId])}::text)`,
      ),
      sql`, `,
    );
    await tx.execute(
      sql`update ${ratings} set comment_state = (x.before->>'comment_state')::moderation_state
          from (values ${keys}) as v(external_id, natural_key)
          join ${importReplacedRows} as x on x.natural_key = v.natural_key
          where ${ratings.externalId} = v.external_id
            and x.batch_id = ${ratings.batchId}
            and x.before->>'comment' = ${ratings.comment}
            and x.before->>'comment_state' is not null`,
    );
  },
};
