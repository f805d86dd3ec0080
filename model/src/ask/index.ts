// @filmfold/model/ask: requests in words, understood on the device. Runs in browser, worker and Node.
export * from './understood';
export * from './ask-catalog';
export { parseRequest, parseParts, type Parsed } from './parse-request';
export { refine, isFollowUp, clean } from './follow-up';
export { normaliseRequest, editDistance } from './ask-text';
export * from './answer';
export * from './ask-scorer';
