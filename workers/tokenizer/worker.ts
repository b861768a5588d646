import { expose } from "comlink";
import { createTokenizerApi } from "./api";
import { fetchAssetSource, fetchUdhrCorpus } from "./fetch-assets";

expose(createTokenizerApi(fetchAssetSource, fetchUdhrCorpus));
