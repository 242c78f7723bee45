/**
 * Every message of the app, merged from one file per area. Each key holds both
 * languages side by side, so a missing translation is a type error, not a blank.
 */
import { account } from "./account";
import { admin } from "./admin";
import { charts } from "./charts";
import { common } from "./common";
import { dashboard } from "./dashboard";
import { evaluation } from "./evaluation";
import { home } from "./home";
import { imports } from "./imports";
import { supervision } from "./supervision";

export const messages = {
  ...common,
  ...home,
  ...account,
  ...admin,
  ...evaluation,
  ...dashboard,
  ...charts,
  ...imports,
  ...supervision,
};

export type MessageKey = keyof typeof messages;
