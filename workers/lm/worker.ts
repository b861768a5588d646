import { expose } from "comlink";
import { createLmApi } from "./api";
import { ortRuntime } from "./ort-runtime";

expose(createLmApi(ortRuntime));
