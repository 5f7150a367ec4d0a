export { isKanaQuery, normaliseKana, prefixUpperBound } from './kana';
