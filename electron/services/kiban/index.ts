export { createKibanClient, type KibanClient, type KibanClientOptions } from './client';
export { eligibilityResponse, type EligibilityResponse } from './schemas';
export { createDeliveryClient, type DeliveryClient } from './deliveries';
