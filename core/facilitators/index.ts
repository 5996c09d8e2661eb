export * from './constants';
export * from './save-facilitator';
export * from './list-facilitators';
export * from './submit-licence';
export * from './link-facilitator-to-group';
export * from './unlink-facilitator-from-group';
export { hasVerifiedLicensedFacilitator, type FacilitatorRow } from './shared';
