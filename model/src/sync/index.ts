export * from './cell-digest';
export * from './hlc';
export * from './protocol';
export * from './contribution';
