import { relations, sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  pgTable,
  serial,
  text,
  uniqueIndex,
  integer,
} from "drizzle-orm/pg-core";
import { batchId, codeCheck, createdAt, notBlank } from "./_columns";
import { regionLevel } from "./enums";

/** Administrative region: province → city → county. */
export const regions = pgTable(
  "regions",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    level: regionLevel("level").notNull(),
    parentId: integer("parent_id"),
    batchId: batchId(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("regions_code_key").on(t.code),
    codeCheck("regions", t.code),
    notBlank("regions_name_not_blank", t.name),
    check("regions_not_own_parent", sql`${t.parentId} is distinct from ${t.id}`),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete("restrict"),
  ],
);

/** 部门: a government department, optionally under a parent department. */
export const departments = pgTable(
  "departments",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    regionId: integer("region_id").references(() => regions.id, { onDelete: "restrict" }),
    parentId: integer("parent_id"),
    batchId: batchId(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("departments_code_key").on(t.code),
    uniqueIndex("departments_name_key").on(t.name),
    index("departments_region_idx").on(t.regionId),
    codeCheck("departments", t.code),
    notBlank("departments_name_not_blank", t.name),
    check("departments_not_own_parent", sql`${t.parentId} is distinct from ${t.id}`),
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete("restrict"),
  ],
);

export const regionsRelations = relations(regions, ({ one, many }) => ({
  parent: one(regions, { fields: [regions.parentId], references: [regions.id] }),
  departments: many(departments),
}));

export const departmentsRelations = relations(departments, ({ one }) => ({
  region: one(regions, { fields: [departments.regionId], references: [regions.id] }),
  parent: one(departments, { fields: [departments.parentId], references: [departments.id] }),
}));
