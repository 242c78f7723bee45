/**
 * The OpenAPI 3.1 document of the open data API, its schemas generated from the same zod
 * shapes the snapshots are checked against when they are built and read, so the document
 * cannot drift from what the API answers.
 */
import { z } from "zod";
import {
  publicationFeedSchema,
  snapshotSchema,
  versionListSchema,
} from "../../db/scorecards/payload";
import { publishedTableSchema } from "../../db/scorecards/table-schema";
import { tablesOf } from "../../db/scorecards/tables";

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "output",
  }) as Record<string, unknown>;
  return rest;
};

const codeParameter = {
  name: "code",
  in: "path",
  required: true,
  description: "The project's or department's code, e.g. MJ-SJJ.",
  schema: { type: "string" },
};
const versionParameter = {
  name: "version",
  in: "query",
  required: false,
  description: "A published version (1, 2, …); the latest when absent.",
  schema: { type: "integer", minimum: 1 },
};
const etagHeaders = {
  ETag: {
    description: "Validator of the body; send it back in If-None-Match.",
    schema: { type: "string" },
  },
  "Cache-Control": {
    description:
      "public, max-age=31536000, immutable for a version; public, max-age=60 for the latest and the lists.",
    schema: { type: "string" },
  },
};
const ifNoneMatch = {
  name: "If-None-Match",
  in: "header",
  required: false,
  schema: { type: "string" },
};

function json(ref: string, description: string) {
  return {
    description,
    headers: etagHeaders,
    content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
  };
}

const notModified = { description: "Not modified: the ETag given in If-None-Match is current." };
const notFound = { description: "No such published scorecard or version." };

function scorecardPath(subject: "project" | "department") {
  return {
    get: {
      operationId: `get${subject === "project" ? "Project" : "Department"}Scorecard`,
      summary: `A ${subject}'s published scorecard: the latest version, or ?version=N.`,
      parameters: [codeParameter, versionParameter, ifNoneMatch],
      responses: {
        "200": json("Snapshot", "The published version."),
        "304": notModified,
        "404": notFound,
      },
    },
  };
}

function versionsPath(subject: "project" | "department") {
  return {
    get: {
      operationId: `list${subject === "project" ? "Project" : "Department"}ScorecardVersions`,
      summary: `Every published version of a ${subject}'s scorecard.`,
      parameters: [codeParameter, ifNoneMatch],
      responses: {
        "200": json("VersionList", "The versions, the first first."),
        "304": notModified,
        "404": notFound,
      },
    },
  };
}

/** One table of a scorecard (db/scorecards/tables.ts); the same rows as CSV at `….csv`. */
function tablePath(subject: "project" | "department") {
  return {
    get: {
      operationId: `get${subject === "project" ? "Project" : "Department"}ScorecardTable`,
      summary: `One table of a ${subject}'s published scorecard, the latest version or ?version=N; the same rows as CSV (UTF-8 with BOM) at the same address ending in .csv.`,
      parameters: [
        codeParameter,
        {
          name: "table",
          in: "path",
          required: true,
          description: "The table's id.",
          schema: { type: "string", enum: tablesOf(subject).map((table) => table.id) },
        },
        versionParameter,
        ifNoneMatch,
      ],
      responses: {
        "200": json("PublishedTable", "The table's rows; a withheld figure is null."),
        "304": notModified,
        "404": notFound,
      },
    },
  };
}

let document: string | undefined;

/** The document as JSON text, made once per process. */
export function openApiDocument(): string {
  document ??= JSON.stringify({
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Mingjing open data API",
      version: "1.0.0",
      description:
        "Published scorecards of e-government projects and departments. Every figure comes from an immutable published snapshot; counts under 5 are suppressed (null, suppressed: true), with complementary cells, as on the public pages.",
    },
    paths: {
      "/api/v1/scorecards/projects/{code}": scorecardPath("project"),
      "/api/v1/scorecards/departments/{code}": scorecardPath("department"),
      "/api/v1/scorecards/projects/{code}/versions": versionsPath("project"),
      "/api/v1/scorecards/departments/{code}/versions": versionsPath("department"),
      "/scorecards/projects/{code}/tables/{table}.json": tablePath("project"),
      "/scorecards/departments/{code}/tables/{table}.json": tablePath("department"),
      "/api/v1/publications": {
        get: {
          operationId: "listPublications",
          summary: "The change feed: every version published since a date.",
          parameters: [
            {
              name: "since",
              in: "query",
              required: true,
              description: "A local date, YYYY-MM-DD; publications from its start on.",
              schema: { type: "string", format: "date" },
            },
            ifNoneMatch,
          ],
          responses: {
            "200": json("PublicationFeed", "Publications, oldest first."),
            "304": notModified,
            "400": { description: "since is missing or not a date." },
          },
        },
      },
    },
    components: {
      schemas: {
        Snapshot: jsonSchema(snapshotSchema),
        VersionList: jsonSchema(versionListSchema),
        PublicationFeed: jsonSchema(publicationFeedSchema),
        PublishedTable: jsonSchema(publishedTableSchema),
      },
    },
  });
  return document;
}
