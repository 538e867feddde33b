export * from './auth';
export * from './contact-chat';
export * from './contact-mail';
export * from './content';
export * from './org';
export * from './platform';
export * from './values';
