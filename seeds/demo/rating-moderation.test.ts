import { describe, expect, it } from "vitest";
import { scrubPersonalData } from "../../db/privacy/scrub-personal-data";
import { defaultDemo } from "./seed-demo.server";

describe("the demo's rating moderation", () => {
  const ratings = defaultDemo().ratings;
  const commented = ratings.filter((rating) => rating.comment !== null);
  const inState = (state: string) => commented.filter((rating) => rating.comment_state === state);

  it("approves most comments, leaves a handful pending and rejects a couple", () => {
    expect(inState("pending")).toHaveLength(6);
    expect(inState("rejected")).toHaveLength(2);
    expect(inState("approved").length).toBe(commented.length - 8);
    expect(
      ratings.filter((r) => r.comment === null).every((r) => r.comment_state === undefined),
    ).toBe(true);
  });

  it("has pending comments with contact details, which the scrubber changes", () => {
    const scrubbed = inState("pending").filter(
      (rating) => scrubPersonalData(String(rating.comment)) !== rating.comment,
    );
    expect(scrubbed.length).toBeGreaterThanOrEqual(2);
  });

  it("has one pending and one upheld appeal, on bad reviews", () => {
    const appealed = ratings.filter((rating) => rating.appeal);
    expect(appealed.map((rating) => rating.appeal).sort()).toEqual(["pending", "upheld"]);
    expect(appealed.every((rating) => Number(rating.score) === 1)).toBe(true);
  });
});
