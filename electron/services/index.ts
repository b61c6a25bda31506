import type { Channel, InputOf, OutputOf } from '../../shared/ipc/contract.ts';
import type { AppInfo } from '../../shared/domain/types.ts';
import type { ServiceContext } from './context.ts';
import * as derive from './derive.ts';
import * as exportsService from './exports.ts';
import * as externalDoses from './external-doses.ts';
import * as findings from './findings.ts';
import * as followUps from './follow-ups.ts';
import * as history from './history.ts';
import * as lots from './lots.ts';
import * as parts from './parts.ts';
import * as patients from './patients.ts';
import * as accounts from './accounts.ts';
import * as records from './records.ts';
import * as sessions from './sessions.ts';
import * as settings from './settings.ts';
import * as siteBatch from './site-batch.ts';
import * as sites from './sites.ts';
import * as worklist from './worklist.ts';

export type Handler<C extends Channel> = (input: InputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
export type Handlers = { [C in Channel]: Handler<C> };

/** Channels served by the backend itself (database file operations), not by record services. */
export type MaintenanceChannel = 'app:health' | 'backup:now' | 'backup:list' | 'backup:restore' | 'data:export' | 'data:import' | 'task:progress';
export type MaintenanceHandlers = { [C in MaintenanceChannel]: Handler<C> };

/** One handler per contract channel; a missing or extra channel is a compile error. */
export function createHandlers(
  ctx: ServiceContext,
  info: () => AppInfo,
  maintenance: MaintenanceHandlers,
  settingsHooks: settings.SettingsHooks = {},
  exportShell: exportsService.ExportShell = exportsService.NO_EXPORT_SHELL,
): Handlers {
  return {
    ...maintenance,
    ...exportsService.createExportHandlers({ ctx, appVersion: () => info().version, shell: exportShell, ...(settingsHooks.logError ? { logError: settingsHooks.logError } : {}) }),
    'app:info': () => info(),
    'patient:create': (input) => patients.createPatient(ctx, input),
    'patient:update': (input) => patients.updatePatient(ctx, input),
    'patient:get': (input) => patients.getPatient(ctx, input),
    'patient:search': (input) => patients.searchPatients(ctx, input),
    'patient:addCondition': (input) => patients.addCondition(ctx, input),
    'patient:removeCondition': (input) => patients.removeCondition(ctx, input),
    'session:create': (input) => sessions.createSession(ctx, input),
    'session:get': (input) => sessions.getSession(ctx, input),
    'session:listForPatient': (input) => sessions.listSessionsForPatient(ctx, input),
    'patient:timeline': (input) => sessions.patientTimeline(ctx, input),
    'session:update': (input) => sessions.updateSession(ctx, input),
    'session:delete': (input) => sessions.deleteSession(ctx, input),
    'session:sign': (input) => sessions.signSession(ctx, input),
    'session:amend': (input) => sessions.amendSession(ctx, input),
    'session:derive': (input) => derive.deriveSessionView(ctx, input),
    'finding:acknowledge': (input) => findings.acknowledgeFinding(ctx, input),
    'finding:unacknowledge': (input) => findings.unacknowledgeFinding(ctx, input),
    'externalDose:add': (input) => externalDoses.addExternalDose(ctx, input),
    'externalDose:list': (input) => externalDoses.listExternalDoses(ctx, input),
    'externalDose:remove': (input) => externalDoses.removeExternalDose(ctx, input),
    'site:add': (input) => sites.addSite(ctx, input),
    'site:update': (input) => sites.updateSite(ctx, input),
    'site:delete': (input) => sites.deleteSite(ctx, input),
    'site:batch': (input) => siteBatch.batchSites(ctx, input),
    'vial:add': (input) => parts.addVial(ctx, input),
    'vial:remove': (input) => parts.removePart(ctx, 'session_vials', input.id),
    'score:add': (input) => parts.addScore(ctx, input),
    'score:remove': (input) => parts.removePart(ctx, 'outcome_scores', input.id),
    'adverseEvent:add': (input) => parts.addAdverseEvent(ctx, input),
    'adverseEvent:remove': (input) => parts.removePart(ctx, 'adverse_events', input.id),
    'template:list': (input) => records.listTemplates(ctx, input),
    'template:saveFromSession': (input) => records.saveTemplateFromSession(ctx, input),
    'template:delete': (input) => records.deleteTemplate(ctx, input),
    'template:rename': (input) => records.renameTemplate(ctx, input),
    'priorAuth:list': (input) => records.listPriorAuths(ctx, input),
    'priorAuth:save': (input) => records.savePriorAuth(ctx, input),
    'priorAuth:delete': (input) => records.deletePriorAuth(ctx, input),
    'clinician:get': () => accounts.getCurrent(ctx),
    'clinician:list': () => accounts.listAccounts(ctx),
    'clinician:add': (input) => accounts.addAccount(ctx, input),
    'clinician:save': (input) => accounts.saveAccount(ctx, input),
    'clinician:activate': (input) => accounts.activateAccount(ctx, input),
    'clinician:setDeactivated': (input) => accounts.setAccountDeactivated(ctx, input),
    'clinician:setPassphrase': (input) => accounts.setPassphrase(ctx, input),
    'audit:list': (input) => records.listAuditEntries(ctx, input),
    'review:history': (input) => history.patientHistory(ctx, input),
    'review:worklist': () => worklist.worklist(ctx),
    'followUp:save': (input) => followUps.saveFollowUp(ctx, input),
    'followUp:delete': (input) => followUps.deleteFollowUp(ctx, input),
    'muscleScore:set': (input) => followUps.setMuscleScore(ctx, input),
    'muscleScore:list': (input) => followUps.listMuscleScores(ctx, input),
    'lot:search': (input) => lots.lotRecall(ctx, input),
    'lot:csv': (input) => lots.lotRecallCsv(ctx, input),
    'settings:get': () => settings.getSettings(ctx, settingsHooks.logError),
    'settings:save': (input) => settings.saveSettings(ctx, input, settingsHooks),
    'settings:chooseBackupFolder': () => settings.chooseBackupFolder(ctx, settingsHooks),
  };
}
