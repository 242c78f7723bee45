/// <reference types="@remix-run/dev" />

// Single Fetch's types for useLoaderData / useActionData (data() unwrapped).
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
