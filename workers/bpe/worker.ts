import { expose } from "comlink";
import { createBpeApi } from "./api";
import { browserLpSolver } from "./highs-runtime";
import { browserMergeSources } from "./merge-sources";

expose(createBpeApi({ lpSolver: browserLpSolver, mergeSources: browserMergeSources }));
