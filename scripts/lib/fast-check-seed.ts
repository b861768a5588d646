import fc from "fast-check";

// Property tests draw their inputs from one fixed seed, so that a run (CI's too) is reproducible and a
// failure seen once is seen again. `FC_SEED=<n>` picks another seed; `FC_SEED=random` a fresh one per run
// (fast-check prints the seed of a failure), to explore inputs no run has tried yet.
const requested = process.env.FC_SEED;
if (requested !== "random") fc.configureGlobal({ seed: requested ? Number(requested) : 20261202 });
