import readline from "node:readline";

/** Reads a line from standard input; on a terminal without echoing it. */
export function promptPassword(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    return new Promise((resolve, reject) => {
      const lines = readline.createInterface({ input });
      lines.once("line", (line) => {
        resolve(line); // before close(), which emits "close" at once
        lines.close();
      });
      lines.once("close", () => reject(new Error("No password on standard input.")));
    });
  }
  return new Promise((resolve) => {
    process.stdout.write(question);
    const lines = readline.createInterface({ input, output: process.stdout, terminal: true });
    // Mute the echo: readline writes through _writeToOutput.
    (lines as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () =>
      undefined;
    lines.question("", (answer) => {
      lines.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}
