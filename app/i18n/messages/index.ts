/**
 * Every message of the app, merged from one file per area. Each key holds both
 * languages side by side, so a missing translation is a type error, not a blank.
 */
import { account } from "./account";
import { admin } from "./admin";
import { charts } from "./charts";
import { citizenRating } from "./citizen-rating";
import { common } from "./common";
import { compare } from "./compare";
import { dashboard } from "./dashboard";
import { evaluation } from "./evaluation";
import { figureLabels } from "./figure-labels";
import { frameworks } from "./frameworks";
import { home } from "./home";
import { imports } from "./imports";
import { methodology } from "./methodology";
import { ratings } from "./ratings";
import { rankings } from "./rankings";
import { rectificationFigures } from "./rectification-figures";
import { rounds } from "./rounds";
import { moderation } from "./moderation";
import { scorecards } from "./scorecards";
import { settings } from "./settings";
import { supervision } from "./supervision";
import { wall } from "./wall";

export const messages = {
  ...common,
  ...home,
  ...account,
  ...admin,
  ...evaluation,
  ...frameworks,
  ...dashboard,
  ...charts,
  ...imports,
  ...ratings,
  ...rounds,
  ...moderation,
  ...scorecards,
  ...supervision,
  ...rectificationFigures,
  ...compare,
  ...figureLabels,
  ...methodology,
  ...wall,
  ...settings,
  ...citizenRating,
  ...rankings,
};

export type MessageKey = keyof typeof messages;
