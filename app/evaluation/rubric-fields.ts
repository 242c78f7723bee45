/** The names (and ids) of one criterion's fields in the rubric form, shared by page and parser. */
export function rubricFieldNames(criterionId: number) {
  return {
    score: `score-${criterionId}`,
    justification: `justification-${criterionId}`,
    evidence: `evidence-${criterionId}`,
  };
}
