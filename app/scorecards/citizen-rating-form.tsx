/**
 * The citizen rating form (好差评) of a public scorecard: 1–5 as a radio group with words
 * (not stars or colour alone), an optional comment, errors beside the fields and in a
 * summary, and the thank-you note after the redirect (`?rated=1`). A plain form: it works
 * without JavaScript. The action is app/scorecards/citizen-rating.server.ts.
 */
import { Form, useActionData, useLocation, useSearchParams } from "@remix-run/react";
import { COMMENT_MAX, MAX_PER_ADDRESS_PER_HOUR } from "../../db/scorecards/citizen-rating";
import type { PublishedServiceItem, ScorecardPayload } from "../../db/scorecards/payload";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { useI18n, type MessageKey } from "~/i18n/i18n";
import type { RatingActionData } from "./citizen-rating.server";

/** Where the form sits on the page: the redirect and the "rate" links come back to it. */
export const RATING_ANCHOR = "rate";

const SCORES = [1, 2, 3, 4, 5] as const;

function ThankYou() {
  const { t } = useI18n();
  return (
    <div className="rating-thanks" role="status">
      <h3>{t("rate.thanks.title")}</h3>
      <p>{t("rate.thanks.body")}</p>
    </div>
  );
}

/** The 1–5 radio group; the first radio carries the field's id for the summary's link. */
function ScoreChoices({ error, chosen }: { error: string | undefined; chosen: string }) {
  const { t } = useI18n();
  const describedBy = ["score-hint", error ? "score-error" : null].filter(Boolean).join(" ");
  return (
    <fieldset
      className={error ? "rating-scores field-error" : "rating-scores"}
      aria-describedby={describedBy}
    >
      <legend>{t("rate.score.legend")}</legend>
      <p className="hint" id="score-hint">
        {t("rate.score.hint")}
      </p>
      {error ? (
        <p className="error-message" id="score-error">
          {error}
        </p>
      ) : null}
      <div className="rating-choices">
        {SCORES.map((score) => {
          const id = score === 1 ? "score" : `score-${score}`;
          return (
            <div className="rating-choice" key={score}>
              <input
                type="radio"
                id={id}
                name="score"
                value={score}
                defaultChecked={chosen === String(score)}
              />
              <label htmlFor={id}>
                <span className="rating-stars" aria-hidden="true">
                  {"★".repeat(score)}
                  {"☆".repeat(5 - score)}
                </span>{" "}
                {t(`rate.score.${score}` as MessageKey)}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/**
 * A rating form: the project's (no choice of item), or a department's services' (a
 * choice among the items its published scorecard lists).
 */
function RatingForm({
  heading,
  intro,
  items,
}: {
  heading: string;
  intro: string;
  items?: readonly PublishedServiceItem[];
}) {
  const { t } = useI18n();
  const result = useActionData() as RatingActionData | undefined;
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const errors = result?.errors;
  const values = result?.values ?? { score: "", comment: "", item: "" };
  const rated = searchParams.get("rated") === "1" && !result;
  return (
    <section
      className="scorecard-panel rating-form"
      id={RATING_ANCHOR}
      aria-labelledby="rate-heading"
    >
      <h2 id="rate-heading">{heading}</h2>
      {rated ? <ThankYou /> : null}
      <p>{intro}</p>
      <ErrorSummary errors={errors} />
      {/* Back to the form after a page load without JavaScript, too. */}
      <Form
        // A fresh form after each navigation: the redirect after a rating clears it.
        key={location.key}
        method="post"
        action={`${location.pathname}#${RATING_ANCHOR}`}
        preventScrollReset
      >
        <CsrfInput />
        {items ? (
          <div className={errors?.item ? "field field-error" : "field"}>
            <label htmlFor="item">{t("rate.item.label")}</label>
            {errors?.item ? (
              <p className="error-message" id="item-error">
                {errors.item}
              </p>
            ) : null}
            <select
              id="item"
              name="item"
              defaultValue={values.item}
              aria-describedby={errors?.item ? "item-error" : undefined}
            >
              <option value="">{t("rate.item.choose")}</option>
              {items.map((item) => (
                <option key={item.code} value={item.code}>
                  {item.name} ({item.code})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <ScoreChoices error={errors?.score} chosen={values.score} />
        <div className={errors?.comment ? "field field-error" : "field"}>
          <label htmlFor="comment">{t("rate.comment.label")}</label>
          <p className="hint" id="comment-hint">
            {t("rate.comment.hint", { max: COMMENT_MAX })}
          </p>
          {errors?.comment ? (
            <p className="error-message" id="comment-error">
              {errors.comment}
            </p>
          ) : null}
          <textarea
            id="comment"
            name="comment"
            rows={4}
            defaultValue={values.comment}
            aria-describedby={errors?.comment ? "comment-hint comment-error" : "comment-hint"}
          />
        </div>
        <p className="hint">{t("rate.limits", { perHour: MAX_PER_ADDRESS_PER_HOUR })}</p>
        <button type="submit" className="button">
          {t("rate.submit")}
        </button>
      </Form>
    </section>
  );
}

/**
 * The form under the latest published version of a scorecard: the project's, or one for
 * the service items the department's scorecard lists (none for a version without them).
 */
export function CitizenRating({ payload }: { payload: ScorecardPayload }) {
  const { t } = useI18n();
  if (payload.subject === "project")
    return <RatingForm heading={t("rate.project.heading")} intro={t("rate.project.intro")} />;
  if (!payload.serviceItems?.length) return null;
  return (
    <RatingForm
      heading={t("rate.service.heading")}
      intro={t("rate.service.intro")}
      items={payload.serviceItems}
    />
  );
}
