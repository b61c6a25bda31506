import type { IndicationId } from '../indications.ts';
import type { Side } from '../atlas/types.ts';

export interface Patient {
  id: string;
  mrn: string;
  familyName: string;
  givenName: string;
  birthDate: string;
  createdAt: string;
  updatedAt: string;
}

export type SessionStatus = 'draft' | 'signed';

export interface SessionSummary {
  id: string;
  patientId: string;
  date: string;
  indication: IndicationId;
  status: SessionStatus;
  siteCount: number;
  totalUnits: number;
  createdAt: string;
  updatedAt: string;
}

export interface Site {
  id: string;
  sessionId: string;
  seq: number;
  viewId: string;
  viewVersion: number;
  x: number;
  y: number;
  muscleId: string;
  side: Side;
  units: number;
  createdAt: string;
  updatedAt: string;
}

export interface SessionDetail extends SessionSummary {
  sites: Site[];
}

export interface AppInfo {
  version: string;
  dataDirectory: string;
  databaseFile: string;
  schemaVersion: number;
}
