export * from './common.ts';
export * from './service.ts';
export * from './area.ts';
export * from './report.ts';
export * from './config.ts';
