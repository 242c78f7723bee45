import net from "node:net";

/** What postgres.js passes a custom socket factory: its parsed connection options. */
export interface SocketTarget {
  host: readonly string[];
  port: readonly number[];
  /** A Unix-domain socket's path, when the host is a directory. */
  path?: string | false;
}

/**
 * Connects to the first reachable server as postgres.js would, but with TCP_NODELAY set,
 * as libpq sets it. postgres.js leaves Nagle's algorithm on: a short message written
 * after a long one (a COPY's end after its rows, a query after a COPY) then waits for the
 * server to acknowledge the long one, which it may delay by 40 ms while it sits idle
 * waiting for that very message. An import of appeals sends a few COPYs per 2,500 rows.
 */
export async function connectWithoutDelay(target: SocketTarget): Promise<net.Socket> {
  if (target.path) return connect({ path: target.path });
  let failure: unknown;
  for (let index = 0; index < target.host.length; index++) {
    try {
      return await connect({ host: target.host[index]!, port: target.port[index] ?? 5432 });
    } catch (error) {
      failure = error;
    }
  }
  throw failure ?? new Error("no PostgreSQL host to connect to");
}

function connect(options: net.NetConnectOpts): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ ...options, noDelay: true });
    socket.once("error", reject);
    socket.once("connect", () => {
      socket.off("error", reject);
      resolve(socket);
    });
  });
}
