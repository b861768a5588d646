import { spawn } from "node:child_process";

/** Starts `vite preview` of the build on a port and waits until it answers; the result stops it. */
export async function startPreview(port: number): Promise<() => void> {
  const server = spawn("npx", ["vite", "preview", "--port", String(port), "--strictPort"], {
    stdio: "ignore",
  });
  for (let attempt = 0; ; attempt++) {
    try {
      await fetch(`http://localhost:${port}/`);
      return () => server.kill();
    } catch {
      if (attempt > 100) {
        server.kill();
        throw new Error("vite preview did not start");
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
