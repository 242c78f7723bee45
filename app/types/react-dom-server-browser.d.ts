// React ships no separate types for its web-streams server build; it is the same API
// as react-dom/server's renderToReadableStream.
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
