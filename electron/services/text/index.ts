export { isKanaQuery, normaliseKana, prefixUpperBound } from './kana';
export { CSV_BOM, csvCell, csvLine, neutraliseCell } from './csv';
