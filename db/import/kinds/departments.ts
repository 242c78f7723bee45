import { departments } from "../../schema/organisation";
import { parseCode } from "../values/parse-code";
import { requiredText } from "./columns";
import type { KindDefinition } from "./kind";
import { ParentLinks } from "./parent-links";
import type { References } from "./references.server";

export interface DepartmentRow {
  code: string;
  name: string;
  regionId: number | null;
  [key: string]: unknown;
}

const parents = new ParentLinks<DepartmentRow>(
  departments,
  "department",
  (refs) => refs.departments,
);

/** Per import: the department names given so far in the file, with the code of each. */
const namesInFile = new WeakMap<References, Map<string, string>>();

/** 部门: a department, in a region, optionally under a parent department. Names are unique. */
export const departmentsKind: KindDefinition<DepartmentRow> = {
  kind: "departments",
  table: departments,
  keyColumns: [departments.code],
  parse(reader, { refs }) {
    const code = reader.required("code", parseCode);
    const name = requiredText(reader, "name");
    let names = namesInFile.get(refs);
    if (names === undefined) {
      names = new Map();
      namesInFile.set(refs, names);
    }
    if (code && name) {
      const storedId = refs.departmentNames.get(name);
      const fileCode = names.get(name);
      if (fileCode !== undefined && fileCode !== code) {
        reader.fail(
          "name",
          `expected a name no other department has: ${fileCode} above in this file has it`,
        );
      } else if (storedId !== undefined && storedId !== refs.departments.get(code)) {
        reader.fail(
          "name",
          "expected a name no other department has: a department with another code has it",
        );
      }
    }
    const regionCode = reader.optional("region_code", parseCode);
    const regionId = regionCode ? refs.regions.get(regionCode) : null;
    if (regionId === undefined) {
      reader.fail(
        "region_code",
        "expected the code of a known region: no region has this code (import the regions first)",
      );
    }
    const parentCode = parents.read(reader, refs, code);
    if (!reader.valid || !code || !name || parentCode === undefined) return undefined;
    // parent_id is linked by code after the chunk is written (afterChunk).
    const row: DepartmentRow = { code, name, regionId: regionId ?? null };
    parents.remember(refs, row, parentCode, reader.line);
    names.set(name, code);
    return row;
  },
  keyValues: (row) => [row.code],
  afterChunk: (tx, rows) => parents.link(tx, rows),
};
