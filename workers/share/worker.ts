import { expose } from "comlink";
import { shareApi } from "./api";

expose(shareApi);
