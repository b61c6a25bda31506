/** Public API of the anatomical atlas: views, hit-testing, the muscle catalogue. */
export * from './types.ts';
export { listViews, getView, hasView, latestVersion, listViewVersions } from './registry.ts';
export { hitTest, DEFAULT_HIT_TOLERANCE } from './hit-test.ts';
export {
  regionCentroid,
  polygonCentroid,
  polygonBBox,
  pointInPolygon,
  distanceToPolygonEdge,
  isSimplePolygon,
  signedArea,
  type BBox,
} from './geometry.ts';
export { mirrorView, mirrorId, mirrorSide } from './mirror.ts';
export { viewsForIndication, INDICATION_VIEWS } from './indication-views.ts';
export { MUSCLES, getMuscle, muscleName, hasMuscle, protocolMuscleIds, type MuscleInfo, type SideMode } from './catalogue.ts';
export { pointAlong, spreadInRegion } from './interior.ts';
export { regionLocation, siteLocation } from './locations.ts';
