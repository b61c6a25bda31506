import type { Channel } from './contract.ts';

/**
 * Channel names without their schemas, so the preload bundle stays tiny.
 * A unit test checks this list equals the contract's keys.
 */
export const CHANNELS = [
  'app:info', 'app:health',
  'patient:create', 'patient:update', 'patient:get', 'patient:search', 'patient:addCondition', 'patient:removeCondition',
  'session:create', 'session:get', 'session:listForPatient', 'patient:timeline', 'session:update', 'session:delete', 'session:sign', 'session:amend', 'session:derive',
  'finding:acknowledge', 'finding:unacknowledge', 'externalDose:add', 'externalDose:list', 'externalDose:remove',
  'site:add', 'site:update', 'site:delete', 'site:batch',
  'vial:add', 'vial:remove', 'score:add', 'score:remove', 'adverseEvent:add', 'adverseEvent:remove',
  'template:list', 'template:saveFromSession', 'template:delete', 'template:rename',
  'priorAuth:list', 'priorAuth:save', 'priorAuth:delete',
  'clinician:get', 'clinician:list', 'clinician:add', 'clinician:save', 'clinician:activate', 'clinician:setDeactivated', 'clinician:setPassphrase', 'audit:list',
  'settings:get', 'settings:save', 'settings:chooseBackupFolder',
  'backup:now', 'backup:list', 'backup:restore', 'data:export', 'data:import', 'task:progress',
  'review:history', 'review:worklist', 'followUp:save', 'followUp:delete', 'muscleScore:set', 'muscleScore:list', 'lot:search', 'lot:csv',
  'export:summaryHtml', 'export:summaryPdf', 'export:summaryPrint', 'export:sessionCsv', 'export:sitesCsv', 'export:fhirBundle',
] as const satisfies readonly Channel[];
