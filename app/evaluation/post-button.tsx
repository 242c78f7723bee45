import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";

/** One button that posts an intent (and its hidden fields) to the page's action. */
export function PostButton({
  intent,
  fields = {},
  label,
  className,
  buttonClassName = "button button-secondary button-small",
}: {
  intent: string;
  fields?: Record<string, string | number>;
  label: string;
  className?: string;
  buttonClassName?: string;
}) {
  return (
    <Form method="post" className={className}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={buttonClassName}>
        {label}
      </button>
    </Form>
  );
}
