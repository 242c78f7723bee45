/**
 * Compares two directories of screenshots from render-charts.tsx pixel by pixel in
 * Chromium (no image library needed): for each PNG present in both, the count of pixels
 * differing by more than a threshold on any channel, and the box they lie in.
 *
 *   npx tsx tests/visual/compare-shots.ts BEFORE_DIR AFTER_DIR [threshold=48]
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const [before = "", after = "", thresholdText = "48"] = process.argv.slice(2);
const threshold = Number(thresholdText);
const names = fs
  .readdirSync(before)
  .filter((name) => name.endsWith(".png") && fs.existsSync(path.join(after, name)));

const COMPARE = `async ({ a, b, threshold }) => {
        const load = async (data) => {
          const image = new Image();
          image.src = \`data:image/png;base64,\${data}\`;
          await image.decode();
          const canvas = document.createElement("canvas");
          canvas.width = image.width;
          canvas.height = image.height;
          const context = canvas.getContext("2d");
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, image.width, image.height);
        };
        const [x, y] = await Promise.all([load(a), load(b)]);
        if (x.width !== y.width || x.height !== y.height)
          return \`size \${x.width}×\${x.height} → \${y.width}×\${y.height}\`;
        let count = 0;
        let box = [Infinity, Infinity, -1, -1];
        for (let i = 0; i < x.data.length; i += 4) {
          const d = Math.max(
            Math.abs(x.data[i] - y.data[i]),
            Math.abs(x.data[i + 1] - y.data[i + 1]),
            Math.abs(x.data[i + 2] - y.data[i + 2]),
          );
          if (d > threshold) {
            count += 1;
            const px = (i / 4) % x.width;
            const py = Math.floor(i / 4 / x.width);
            box = [
              Math.min(box[0], px),
              Math.min(box[1], py),
              Math.max(box[2], px),
              Math.max(box[3], py),
            ];
          }
        }
        return count === 0 ? "same" : \`\${count} px differ in \${box.join(",")}\`;
      }`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  for (const name of names) {
    const a = fs.readFileSync(path.join(before, name)).toString("base64");
    const b = fs.readFileSync(path.join(after, name)).toString("base64");
    // Passed as text: tsx's helpers (__name) do not exist in the page.
    const result = (await page.evaluate(
      `(${COMPARE})(${JSON.stringify({ a, b, threshold })})`,
    )) as string;
    console.log(`${name.padEnd(32)} ${result}`);
  }
} finally {
  await browser.close();
}
