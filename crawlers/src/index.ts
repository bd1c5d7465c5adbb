export type * from './store/store.types.js';
