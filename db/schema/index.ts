export * from './missions';
export * from './users';
export * from './audit';
export * from './cases';
export * from './workflow';
export * from './legal';
export * from './reports';
