import { once } from "node:events";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { connectWithoutDelay } from "./postgres-socket.server";

const servers: net.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A server that answers each connection with `greeting` and closes. */
async function listen(greeting: string, where: net.ListenOptions): Promise<net.Server> {
  const server = net.createServer((socket) => socket.end(greeting));
  servers.push(server);
  server.listen(where);
  await once(server, "listening");
  return server;
}

async function greetingOf(socket: net.Socket): Promise<string> {
  let text = "";
  for await (const chunk of socket) text += String(chunk);
  return text;
}

/** A port nothing listens on: one just freed. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen({ host: "127.0.0.1", port: 0 });
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

describe("connectWithoutDelay", () => {
  it("connects to the first host that answers, as postgres.js tries them in order", async () => {
    const second = await listen("second", { host: "127.0.0.1", port: 0 });
    const socket = await connectWithoutDelay({
      host: ["127.0.0.1", "127.0.0.1"],
      port: [await closedPort(), (second.address() as net.AddressInfo).port],
    });
    expect(await greetingOf(socket)).toBe("second");
  });

  it("connects to a Unix-domain socket when given a path", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mingjing-socket-"));
    const socketPath = path.join(dir, ".s.PGSQL.5432");
    await listen("unix", { path: socketPath });
    const socket = await connectWithoutDelay({ host: [dir], port: [5432], path: socketPath });
    expect(await greetingOf(socket)).toBe("unix");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("fails with the last host's error when none answers", async () => {
    await expect(
      connectWithoutDelay({ host: ["127.0.0.1"], port: [await closedPort()] }),
    ).rejects.toThrow(/ECONNREFUSED/);
  });
});
