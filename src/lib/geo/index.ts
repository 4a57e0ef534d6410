export * from './geometry.ts';
export * from './coords.ts';
export * from './area-index.ts';
