export * from './errors.js';
export type * from './extracted-document.js';
export * from './flag.js';
export * from './monthly-return.js';
export type * from './parsed-filing.js';
export * from './stock-code.js';
export * from './stored-return.js';
