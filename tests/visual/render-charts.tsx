/**
 * Renders every chart with sample data, as the server does, into one standalone HTML
 * page with app/styles/app.css inlined; opens it in Chromium, takes screenshots into
 * /tmp/charts-shots/, and runs axe-core (WCAG 2.1 A and AA) on it. A second page adds a
 * client bundle that hydrates the same markup, to check hydration, tooltips, focus and the
 * SVG / PNG / CSV downloads in a real browser.
 *
 *   npx tsx tests/visual/render-charts.tsx [--out DIR]
 *
 * Exits non-zero when axe reports a violation or a browser check fails.
 */
import fs from "node:fs";
import path from "node:path";
import { renderToString } from "react-dom/server";
import { chromium, type Page } from "playwright-core";
import { sampleCharts } from "../fixtures/chart-fixtures";
import { Gallery } from "./render-charts-gallery";

const root = path.resolve(import.meta.dirname, "../..");
const outIndex = process.argv.indexOf("--out");
const outDir = path.resolve(
  outIndex > 0 ? (process.argv[outIndex + 1] ?? "") : "/tmp/charts-shots",
);
fs.mkdirSync(outDir, { recursive: true });

function page(body: string, script = ""): string {
  const css = fs.readFileSync(path.join(root, "app/styles/app.css"), "utf8");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>图表样例 Chart gallery · 明镜 Mingjing</title>
<style>${css}</style>
</head>
<body><div id="root">${body}</div>${script ? `<script>${script}</script>` : ""}</body>
</html>
`;
}

async function clientBundle(): Promise<string | null> {
  // esbuild comes with the Remix compiler; without it the hydrated checks are skipped.
  const esbuild = await import("esbuild").catch(() => null);
  if (!esbuild) return null;
  const result = await esbuild.build({
    stdin: {
      contents: `
        import { hydrateRoot } from "react-dom/client";
        import { Gallery } from "./render-charts-gallery";
        window.__hydrationErrors = [];
        hydrateRoot(document.getElementById("root"), <Gallery />, {
          onRecoverableError: (error) => window.__hydrationErrors.push(String(error)),
        });
        window.__hydrated = true;
      `,
      loader: "tsx",
      resolveDir: path.join(root, "tests/visual"),
    },
    bundle: true,
    write: false,
    format: "iife",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    minify: true,
    logLevel: "warning",
  });
  return result.outputFiles[0]?.text ?? null;
}

const failures: string[] = [];
function check(condition: boolean, message: string) {
  if (!condition) failures.push(message);
  console.log(`${condition ? "ok  " : "FAIL"} ${message}`);
}

const axeSource = fs.readFileSync(path.join(root, "node_modules/axe-core/axe.min.js"), "utf8");
async function axe(pageHandle: Page) {
  await pageHandle.addScriptTag({ content: axeSource });
  return pageHandle.evaluate(async () => {
    const run = (
      window as unknown as {
        axe: {
          run: (
            c: Document,
            o: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await run.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}

async function main() {
  // Bytes of each chart's server HTML (what a page pays for it).
  for (const { name, element } of sampleCharts())
    console.log(`bytes ${name.padEnd(20)} ${Buffer.byteLength(renderToString(element))}`);
  const serverHtml = renderToString(<Gallery />);
  console.log(`bytes ${"gallery".padEnd(20)} ${Buffer.byteLength(serverHtml)}`);
  const staticFile = path.join(outDir, "charts.html");
  fs.writeFileSync(staticFile, page(serverHtml));
  const bundle = await clientBundle();
  const hydratedFile = path.join(outDir, "charts-hydrated.html");
  if (bundle) fs.writeFileSync(hydratedFile, page(serverHtml, bundle));

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    // Without JavaScript: what the server sends.
    const context = await browser.newContext({
      viewport: { width: 1100, height: 900 },
      javaScriptEnabled: false,
    });
    const staticPage = await context.newPage();
    await staticPage.goto(`file://${staticFile}`);
    await staticPage.screenshot({ path: path.join(outDir, "all.png"), fullPage: true });
    for (const { name } of sampleCharts()) {
      await staticPage.locator(`#${name}`).screenshot({ path: path.join(outDir, `${name}.png`) });
    }
    check(
      (await staticPage.locator(".chart-download").count()) === 0,
      "no download buttons without JavaScript",
    );
    check(
      (await staticPage.locator("details.chart-details table").count()) >= 9,
      "every chart has its table in the HTML",
    );
    await context.close();

    const narrow = await browser.newContext({
      viewport: { width: 390, height: 800 },
      javaScriptEnabled: false,
    });
    const narrowPage = await narrow.newPage();
    await narrowPage.goto(`file://${staticFile}`);
    await narrowPage.screenshot({ path: path.join(outDir, "narrow.png"), fullPage: true });
    await narrowPage
      .locator("#line-appeals")
      .screenshot({ path: path.join(outDir, "narrow-line-appeals.png") });
    await narrow.close();

    // axe needs script: a context with JavaScript on the static page (it has no scripts of its own).
    const axeContext = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const axePage = await axeContext.newPage();
    await axePage.goto(`file://${staticFile}`);
    const violations = await axe(axePage);
    for (const v of violations)
      console.log(
        `axe ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 5).join("\n    ")}`,
      );
    check(violations.length === 0, `axe: ${violations.length} violations`);
    await axeContext.close();

    if (bundle) {
      const hydrated = await browser.newContext({
        viewport: { width: 1100, height: 900 },
        acceptDownloads: true,
      });
      const hPage = await hydrated.newPage();
      const consoleErrors: string[] = [];
      hPage.on("console", (m) => (m.type() === "error" ? consoleErrors.push(m.text()) : undefined));
      hPage.on("pageerror", (e) => consoleErrors.push(String(e)));
      await hPage.goto(`file://${hydratedFile}`);
      await hPage.waitForFunction(
        () => (window as unknown as { __hydrated?: boolean }).__hydrated === true,
      );
      await hPage.waitForSelector(".chart-download");
      const hydrationErrors = await hPage.evaluate(
        () => (window as unknown as { __hydrationErrors: string[] }).__hydrationErrors,
      );
      check(
        hydrationErrors.length === 0 && consoleErrors.length === 0,
        `hydrates without errors ${JSON.stringify([...hydrationErrors, ...consoleErrors])}`,
      );

      const cell = hPage.locator("#heatmap .heatmap-cell").nth(1);
      await cell.hover();
      const tip = hPage.locator("#heatmap .chart-tooltip");
      check(
        (await tip.textContent())?.includes("市数据局") ?? false,
        "hovering a heatmap cell shows its tooltip",
      );
      await hPage.locator("#heatmap").screenshot({ path: path.join(outDir, "hover-heatmap.png") });

      await hPage.locator("#line-appeals .line-point").nth(3).hover();
      await hPage
        .locator("#line-appeals")
        .screenshot({ path: path.join(outDir, "hover-line.png") });

      await hPage.mouse.move(0, 0);
      await hPage.locator("#quadrant-scatter .scatter-point").first().focus();
      await hPage.keyboard.press("Tab");
      await hPage.keyboard.press("Shift+Tab");
      check(
        (await hPage.locator("#quadrant-scatter .chart-tooltip").count()) === 1,
        "focusing a scatter point shows its tooltip",
      );
      await hPage
        .locator("#quadrant-scatter")
        .screenshot({ path: path.join(outDir, "focus-scatter.png") });
      await hPage.keyboard.press("Escape");
      check(
        (await hPage.locator("#quadrant-scatter .chart-tooltip").count()) === 0,
        "Escape hides the tooltip",
      );

      const download = async (chart: string, index: number) => {
        const [file] = await Promise.all([
          hPage.waitForEvent("download"),
          hPage.locator(`#${chart} .chart-download`).nth(index).click(),
        ]);
        const saved = path.join(outDir, `download-${chart}-${file.suggestedFilename()}`);
        await file.saveAs(saved);
        return { name: file.suggestedFilename(), bytes: fs.readFileSync(saved), saved };
      };
      const svg = await download("heatmap", 0);
      const svgText = svg.bytes.toString("utf8");
      check(
        svg.name.endsWith(".svg") && svgText.includes('xmlns="http://www.w3.org/2000/svg"'),
        `SVG download ${svg.name} is standalone`,
      );
      // Band colours and cell text styles come from classes (app.css): the download inlines them.
      check(
        /<rect [^>]*style="[^"]*fill: ?rgb\(253, 241, 221\)[^"]*stroke: ?rgb\(163, 82, 0\)/.test(
          svgText,
        ) && /<text [^>]*style="[^"]*font-size: ?12px[^"]*font-weight: ?600/.test(svgText),
        "SVG download inlines the class-based band and text styles",
      );
      const png = await download("heatmap", 1);
      check(
        png.name.endsWith(".png") &&
          png.bytes.subarray(1, 4).toString() === "PNG" &&
          png.bytes.length > 5000,
        `PNG download ${png.name} (${png.bytes.length} bytes)`,
      );
      const csv = await download("heatmap", 2);
      check(
        csv.bytes.toString("utf8").includes("'=cmd"),
        `CSV download ${csv.name} escapes formulae`,
      );
      const line = await download("line-spend", 1);
      check(
        line.bytes.subarray(1, 4).toString() === "PNG",
        `PNG download of a line chart (${line.bytes.length} bytes)`,
      );
      // The downloaded SVG drawn alone, to see that the inlined styles carry it.
      const svgPage = await hydrated.newPage();
      await svgPage.goto(`file://${svg.saved}`);
      await svgPage.screenshot({ path: path.join(outDir, "downloaded-heatmap-svg.png") });
      await hydrated.close();
    } else {
      console.log("esbuild is not installed: skipped the hydrated checks");
    }
  } finally {
    await browser.close();
  }
  console.log(`\nScreenshots and pages in ${outDir}`);
  if (failures.length > 0) {
    console.error(`${failures.length} check(s) failed`);
    process.exitCode = 1;
  }
}

await main();
