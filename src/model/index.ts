/**
 * The model's public face. restore.ts and migrations.ts are owned elsewhere and are
 * imported from their own modules until they settle.
 */
export * from './schema';
export * from './channels';
export * from './ids';
export * from './invariants';
export * from './operations';
export * from './personaOps';
export * from './factory';
export * from './templates';
export * from './samples';
export * from './comments';
