export * from './types.js';
export { composeText, toOriginal, toClean, spanToOriginal, identityMap } from './offsets.js';
export { charSpan, spanText, makeFinding, spanIndexAt, type AlignMode } from './span.js';
export { noField, emptyMeta, outletLabel } from './meta.js';
