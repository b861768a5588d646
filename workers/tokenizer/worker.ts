import { expose } from "comlink";
import { createTokenizerApi } from "./api";
import { fetchAssetSource, fetchRankTable, fetchUdhrCorpus } from "./fetch-assets";

expose(createTokenizerApi(fetchAssetSource, fetchUdhrCorpus, fetchRankTable));
