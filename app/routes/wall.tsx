import type {
  HeadersFunction,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { WallScreen } from "~/wall/wall-screen";
import { loadWallPanel } from "~/wall/wall.server";
import wallStyles from "~/wall/wall.css";
import { metaI18n, pageTitle } from "~/i18n/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: wallStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const i18n = metaI18n(matches);
  return [
    { title: pageTitle(i18n, i18n.t("wall.title")) },
    ...(data ? [{ tagName: "link", rel: "next", href: data.next }] : []),
  ];
};

/** The `Refresh` header that moves the wall on to the next panel. */
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

/** Anyone: panel `?panel=N` of the wall screen (default 0), moving on by itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  return loadWallPanel(request);
}

export default function Wall() {
  const { panel, index, count } = useLoaderData<typeof loader>();
  return <WallScreen panel={panel} index={index} count={count} />;
}
