// The only module the renderer may import from electron/ (lint-enforced).
export * from './api';
export * from './channels';
export * from './errors';
export * from './limits';
export * from './persons';
export * from './session';
export * from './status';
export * from './time';
export * from './card';
export * from './codes';
