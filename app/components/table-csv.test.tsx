// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { toCsv } from "~/utils/csv-export";
import { tableCells } from "./table-csv";

describe("table CSV", () => {
  it("reads the last header row and every body row as shown, and escapes formula-like cells", () => {
    document.body.innerHTML = `<table id="t">
      <thead><tr><th colspan="2">Group</th></tr><tr><th>Name</th><th>Value</th></tr></thead>
      <tbody><tr><th scope="row"><a href="/x">  部门 A </a></th><td>12.5%</td></tr>
      <tr><td>=cmd|' /C calc'!A0</td><td>-3</td></tr></tbody></table>`;
    const table = document.getElementById("t") as HTMLTableElement;
    const cells = tableCells(table);
    expect(cells).toEqual({
      header: ["Name", "Value"],
      rows: [
        ["部门 A", "12.5%"],
        ["=cmd|' /C calc'!A0", "-3"],
      ],
    });
    const csv = toCsv(cells.header, cells.rows);
    expect(csv).toContain(`"'=cmd|' /C calc'!A0"`);
    expect(csv).toContain("'-3");
  });

  it("leaves out a column of controls marked data-csv-omit", () => {
    document.body.innerHTML = `<table id="t">
      <thead><tr><th>Flag</th><th data-csv-omit>Notice</th></tr></thead>
      <tbody><tr><td>reply-rate</td><td data-csv-omit><form><label>Note<textarea></textarea></label><button>Issue</button></form></td></tr></tbody></table>`;
    expect(tableCells(document.getElementById("t") as HTMLTableElement)).toEqual({
      header: ["Flag"],
      rows: [["reply-rate"]],
    });
  });
});
