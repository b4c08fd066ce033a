import './zod-locale';

export * from './division-code';
export * from './roles';
export * from './permissions';
export * from './errors';
export * from './ids';
export * from './fields';
export * from './platform/config';
export * from './platform/tenant';
export * from './directory/units';
export * from './directory/officers';
export * from './directory/agencies';
export * from './directory/queries';
export * from './me';
