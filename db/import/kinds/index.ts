import type { ImportKind } from "../../schema/enums";
import { appealsKind } from "./appeals";
import { budgetLinesKind } from "./budget-lines";
import { calendarKind } from "./calendar";
import { departmentsKind } from "./departments";
import type { ImportRow, KindDefinition } from "./kind";
import { milestonesKind } from "./milestones";
import { outcomeIndicatorsKind } from "./outcome-indicators";
import { outcomeValuesKind } from "./outcome-values";
import { projectsKind } from "./projects";
import { ratingsKind } from "./ratings";
import { regionsKind } from "./regions";
import { serviceItemsKind } from "./service-items";
import { serviceStatsKind } from "./service-stats";

/** A kind's definition as the engine holds it: rows of any kind. */
const anyRow = <Row extends ImportRow>(definition: KindDefinition<Row>) =>
  definition as unknown as KindDefinition<ImportRow>;

/** Every import kind of DESIGN.md "Import files", by name. */
export const KIND_DEFINITIONS: Record<ImportKind, KindDefinition<ImportRow>> = {
  regions: anyRow(regionsKind),
  departments: anyRow(departmentsKind),
  projects: anyRow(projectsKind),
  "budget-lines": anyRow(budgetLinesKind),
  milestones: anyRow(milestonesKind),
  "outcome-indicators": anyRow(outcomeIndicatorsKind),
  "outcome-values": anyRow(outcomeValuesKind),
  "service-items": anyRow(serviceItemsKind),
  "service-stats": anyRow(serviceStatsKind),
  appeals: anyRow(appealsKind),
  ratings: anyRow(ratingsKind),
  calendar: anyRow(calendarKind),
};
