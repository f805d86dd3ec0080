export * from './hlc';
export * from './protocol';
