import type { Channel } from './contract.ts';

/**
 * Channel names without their schemas, so the preload bundle stays tiny.
 * A unit test checks this list equals the contract's keys.
 */
export const CHANNELS = [
  'app:info',
  'patient:create',
  'patient:get',
  'patient:search',
  'session:create',
  'session:get',
  'session:listForPatient',
  'site:add',
  'site:update',
  'site:delete',
] as const satisfies readonly Channel[];
