/** What the workspace's server modules hand the page, as types the page's components share. */
import type { RubricCriterion } from "../../db/queries/assessments.server";
import type { ProjectPage } from "../../db/queries/project-page.server";

export type { RubricCriterion };

export interface ProjectFigures {
  code: string;
  cutoff: string;
  earnedValue: ProjectPage["earnedValue"];
  milestones: Array<{
    name: string;
    plannedDate: string;
    actualDate: string | null;
    forecastDate: string | null;
  }>;
  indicators: ProjectPage["indicators"];
}

export interface SheetScore {
  criterionId: number;
  value: string | null;
  justification: string | null;
  evidence: string | null;
  /** The moderator's comment while this score is returned for revision. */
  returnComment?: string | null;
}
