/** Parsed command line: positional arguments and `--name value` / `--flag` options. */
export interface Args {
  positional: string[];
  options: Map<string, string | true>;
}

/** Splits argv into positionals and options; `-` stays positional (it means stdin). */
export function parseArgs(argv: readonly string[], flags: readonly string[] = []): Args {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
      if (inline !== undefined) options.set(name, inline);
      else if (flags.includes(name)) options.set(name, true);
      else {
        const value = argv[i + 1];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        options.set(name, value);
        i++;
      }
    } else positional.push(arg);
  }
  return { positional, options };
}

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}
