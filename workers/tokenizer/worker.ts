import { expose } from "comlink";
import { createTokenizerApi } from "./api";
import { fetchAssetSource } from "./fetch-assets";

expose(createTokenizerApi(fetchAssetSource));
