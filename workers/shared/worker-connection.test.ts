import { expose } from "comlink";
import { describe, expect, it } from "vitest";
import { CancelledError } from "../../src/core/jobs/cancellation";
import { WorkerConnection, WorkerCrashedError } from "./worker-connection";

/** A worker API for the tests: slow work that polls for cancellation, and a log of cancel calls. */
function testApi(name: string) {
  const cancelled = new Set<number>();
  return {
    name,
    cancelled,
    files: [] as string[],
    cancel(requestId: number) {
      cancelled.add(requestId);
    },
    whoAmI: () => name,
    addFile(file: string) {
      this.files.push(file);
    },
    listFiles(): string[] {
      return this.files;
    },
    async slow(requestId: number, steps: number): Promise<number> {
      for (let i = 0; i < steps; i++) {
        await new Promise((r) => setTimeout(r, 5));
        if (cancelled.has(requestId)) throw new CancelledError();
      }
      return steps;
    },
    never: () => new Promise<never>(() => {}),
  };
}
type TestApi = ReturnType<typeof testApi>;

/** A Worker stand-in: comlink over a MessageChannel, with a crash that fires the `error` event. */
class FakeWorker extends EventTarget {
  private readonly port: MessagePort;
  terminated = false;
  constructor(api: TestApi) {
    super();
    const { port1, port2 } = new MessageChannel();
    expose(api, port1);
    this.port = port2;
  }
  postMessage(message: unknown, transfer: Transferable[] = []) {
    this.port.postMessage(message, transfer);
  }
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: AddEventListenerOptions,
  ) {
    if (type === "message" && listener) this.port.addEventListener(type, listener, options);
    else super.addEventListener(type, listener, options);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === "message" && listener) this.port.removeEventListener(type, listener);
    else super.removeEventListener(type, listener);
  }
  start() {
    this.port.start();
  }
  terminate() {
    this.terminated = true;
    this.port.close();
  }
  crash(message: string) {
    this.dispatchEvent(Object.assign(new Event("error"), { message }));
  }
}

function connection() {
  const workers: FakeWorker[] = [];
  const apis: TestApi[] = [];
  const conn = new WorkerConnection<TestApi>(() => {
    const api = testApi(`worker-${workers.length + 1}`);
    const worker = new FakeWorker(api);
    apis.push(api);
    workers.push(worker);
    return worker as unknown as Worker;
  }, "test");
  return { conn, workers, apis };
}

describe("WorkerConnection", () => {
  it("starts the worker on first use and reuses it", async () => {
    const { conn, workers } = connection();
    expect(workers).toHaveLength(0);
    expect(await conn.call((r) => r.whoAmI())).toBe("worker-1");
    expect(await conn.call((r) => r.whoAmI())).toBe("worker-1");
    expect(workers).toHaveLength(1);
  });

  it("restarts a worker that dies during a call, restores it, and retries the call once", async () => {
    const { conn, workers } = connection();
    conn.onRestart = async (remote) => remote.addFile("dropped.json");
    await conn.call((r) => r.whoAmI());
    const pending = conn.call(async (r) => {
      const name = await r.whoAmI();
      if (name === "worker-1") {
        workers[0]!.crash("out of memory");
        return r.never();
      }
      return name;
    });
    expect(await pending).toBe("worker-2");
    expect(workers[0]!.terminated).toBe(true);
    expect(await conn.call((r) => r.listFiles())).toEqual(["dropped.json"]);
  });

  it("gives up with WorkerCrashedError when the retry dies too", async () => {
    const { conn, workers } = connection();
    const pending = conn.call(async (r) => {
      await r.whoAmI();
      workers[workers.length - 1]!.crash("boom");
      return r.never();
    });
    await expect(pending).rejects.toBeInstanceOf(WorkerCrashedError);
    await expect(pending).rejects.toThrow("The test worker stopped: boom");
    expect(workers).toHaveLength(2);
  });

  it("restores a worker that died while idle before the next call", async () => {
    const { conn, workers } = connection();
    conn.onRestart = async (remote) => remote.addFile("kept.tiktoken");
    await conn.call((r) => r.whoAmI());
    workers[0]!.crash("idle death");
    expect(await conn.call((r) => r.whoAmI())).toBe("worker-2");
    expect(await conn.call((r) => r.listFiles())).toEqual(["kept.tiktoken"]);
  });

  it("maps an abort to the worker's cancel(requestId) and a CancelledError for the caller", async () => {
    const { conn, apis } = connection();
    const controller = new AbortController();
    let seenId = -1;
    const pending = conn.cancellable(controller.signal, (r, id) => {
      seenId = id;
      return r.slow(id, 1000);
    });
    setTimeout(() => controller.abort(), 30);
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(apis[0]!.cancelled.has(seenId)).toBe(true);
    // A finished call is not cancelled by a later abort of another signal; ids are distinct per call.
    const done = await conn.cancellable(new AbortController().signal, (r, id) => {
      expect(id).not.toBe(seenId);
      return r.slow(id, 2);
    });
    expect(done).toBe(2);
  });

  it("refuses to start a call whose signal has already fired", async () => {
    const { conn, workers } = connection();
    const controller = new AbortController();
    controller.abort();
    await expect(conn.cancellable(controller.signal, (r, id) => r.slow(id, 1))).rejects.toBeInstanceOf(
      CancelledError,
    );
    expect(workers).toHaveLength(0);
  });
});
