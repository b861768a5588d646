import { spawn } from "node:child_process";

/**
 * Starts `vite preview` of the build on a port and waits until it answers; the result stops it. The server runs
 * in its own process group, killed whole: killing only `npx` left `vite preview` serving, so that the next run's
 * server could not take the port and the run measured the previous server. `outDir` serves another build than
 * `dist/` (an A/B of two builds in the same minutes).
 */
export async function startPreview(port: number, outDir?: string): Promise<() => void> {
  // Something already answering there (a server an earlier run left behind) would be measured instead of this
  // build: the new server's failure to take the port is noticed too late, after that server has answered.
  if (await answers(port))
    throw new Error(`Port ${port} already serves something (a vite preview left running?); stop it first.`);
  const dir = outDir ? ["--outDir", outDir] : [];
  const server = spawn("npx", ["vite", "preview", "--port", String(port), "--strictPort", ...dir], {
    stdio: "ignore",
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      server.kill();
    }
  };
  let exited = false;
  server.once("exit", () => (exited = true));
  for (let attempt = 0; ; attempt++) {
    if (exited) throw new Error(`vite preview exited (is port ${port} taken?)`);
    try {
      await fetch(`http://localhost:${port}/`);
      return stop;
    } catch {
      if (attempt > 100) {
        stop();
        throw new Error("vite preview did not start");
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Whether an HTTP server answers on the port. */
async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://localhost:${port}/`);
    return true;
  } catch {
    return false;
  }
}
