export * from './auth';
export * from './content';
export * from './org';
export * from './platform';
export * from './values';
