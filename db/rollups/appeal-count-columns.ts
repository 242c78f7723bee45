import type { AppealCounts } from "../../metrics/appeal-kpis";

/** The count columns of every appeal roll-up, in the order of appealCountValues. */
export const APPEAL_COUNT_COLUMNS = [
  "received",
  "replied",
  "replied_on_time",
  "with_first_contact",
  "first_contact_in_time",
  "replied_rated",
  "rated_1",
  "rated_2",
  "rated_3",
  "rated_4",
  "rated_5",
] as const;

/** A cell's counts in the order of APPEAL_COUNT_COLUMNS. */
export function appealCountValues(cell: AppealCounts): number[] {
  const [rated1, rated2, rated3, rated4, rated5] = cell.ratingCounts;
  return [
    cell.received,
    cell.replied,
    cell.repliedOnTime,
    cell.withFirstContact,
    cell.firstContactInTime,
    cell.repliedRated,
    rated1,
    rated2,
    rated3,
    rated4,
    rated5,
  ];
}
