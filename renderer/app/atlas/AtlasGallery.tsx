/** A browsable gallery of every atlas view: choose a view, toggle the deep layer and the region colouring. */
import { useMemo, useState } from 'react';
import { Layer, Stage } from 'react-konva';
import { getMuscle, getView, listViews } from '../../../shared/atlas/index.ts';
import { AtlasShapes } from '../../canvas/AtlasShapes.tsx';
import { useCanvasPalette } from '../../canvas/palette.ts';
import './atlas-gallery.css';

/** The diagram fits this box: about 640 px wide, the tall limb views capped in height. */
const STAGE_MAX_WIDTH = 640;
const STAGE_MAX_HEIGHT = 960;

export function AtlasGallery() {
  const views = useMemo(() => listViews(), []);
  const palette = useCanvasPalette();
  const [viewId, setViewId] = useState<string>(views[0]?.id ?? 'face_front');
  const [showDeep, setShowDeep] = useState(false);
  const [regionsMode, setRegionsMode] = useState(false);
  const view = getView(viewId);
  const scale = Math.min(STAGE_MAX_WIDTH / view.width, STAGE_MAX_HEIGHT / view.height);
  const rows = view.regions.filter((r) => showDeep || r.layer === 'superficial');

  return (
    <section className="atlas-gallery" aria-label="Anatomical atlas">
      <div className="atlas-controls">
        <label className="atlas-field">
          <span>View</span>
          <select value={viewId} onChange={(e) => setViewId(e.target.value)} data-testid="atlas-view-select">
            {views.map((v) => (
              <option key={v.id} value={v.id}>
                {v.title} (v{v.version})
              </option>
            ))}
          </select>
        </label>
        <div className="atlas-toggles">
          <label className="toggle atlas-toggle">
            <input type="checkbox" checked={showDeep} onChange={(e) => setShowDeep(e.target.checked)} />
            <span>Deep layer</span>
          </label>
          <label className="toggle atlas-toggle">
            <input type="checkbox" checked={regionsMode} onChange={(e) => setRegionsMode(e.target.checked)} />
            <span>Colour and label regions</span>
          </label>
        </div>
      </div>
      <div className="atlas-body">
        <div className="atlas-stage" data-testid="atlas-stage">
          <Stage width={Math.ceil(view.width * scale)} height={Math.ceil(view.height * scale)} scaleX={scale} scaleY={scale}>
            <Layer listening={false}>
              <AtlasShapes view={view} showDeep={showDeep} mode={regionsMode ? 'regions' : 'clinical'} showLabels={regionsMode} palette={palette} />
            </Layer>
          </Stage>
        </div>
        <table className="atlas-muscles">
          <caption>
            {view.title}: {rows.length} regions
          </caption>
          <thead>
            <tr>
              <th scope="col">Muscle</th>
              <th scope="col">Side</th>
              <th scope="col">Layer</th>
              <th scope="col">SNOMED CT</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const m = getMuscle(r.muscleId);
              return (
                <tr key={r.id}>
                  <td>
                    {m.name}
                    <span className="atlas-region-id">{r.id}</span>
                  </td>
                  <td>{r.side}</td>
                  <td>{r.layer}</td>
                  <td>{m.snomedCode ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
