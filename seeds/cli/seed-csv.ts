import path from "node:path";
import { defaultDemo } from "../demo/seed-demo.server";
import { writeDemoCsv } from "../demo/write-csv.server";

/** npm run seed:csv -- [DIR]: the demo data, every row, one UTF-8 CSV per kind. */
const directory = path.resolve(process.argv[2] ?? "seeds/csv");
const counts = writeDemoCsv(defaultDemo(), directory);
for (const [kind, rows] of Object.entries(counts)) {
  console.log(`${path.join(directory, `${kind}.csv`)}  ${rows.toLocaleString("en")} rows`);
}
