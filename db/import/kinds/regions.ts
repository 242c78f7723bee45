import { regions } from "../../schema/organisation";
import { parseCode } from "../values/parse-code";
import { parseEnum, REGION_LEVEL_SYNONYMS } from "../values/parse-enum";
import { requiredText } from "./columns";
import type { KindDefinition } from "./kind";
import { ParentLinks } from "./parent-links";

export interface RegionRow {
  code: string;
  name: string;
  level: "province" | "city" | "county";
  [key: string]: unknown;
}

const parents = new ParentLinks<RegionRow>(regions, "region", (refs) => refs.regions);

/** 行政区划: province → city → county; a parent is a stored region or one above in the file. */
export const regionsKind: KindDefinition<RegionRow> = {
  kind: "regions",
  table: regions,
  keyColumns: [regions.code],
  parse(reader, { refs }) {
    const code = reader.required("code", parseCode);
    const name = requiredText(reader, "name");
    const level = reader.required("level", (value) => parseEnum(value, REGION_LEVEL_SYNONYMS));
    const parentCode = parents.read(reader, refs, code);
    if (!reader.valid || !code || !name || !level || parentCode === undefined) return undefined;
    // parent_id is linked by code after the chunk is written (afterChunk).
    const row: RegionRow = { code, name, level };
    parents.remember(refs, row, parentCode, reader.line);
    return row;
  },
  keyValues: (row) => [row.code],
  afterChunk: (tx, rows) => parents.link(tx, rows),
};
