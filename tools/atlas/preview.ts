/** Quick SVG previews of the drawings for iterating on them (the real renderer is react-konva). */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { AtlasView } from '../../shared/atlas/types.ts';

const dir = '.cache/atlas-preview';
mkdirSync(dir, { recursive: true });
const only = process.argv.slice(2);
for (const f of readdirSync('resources/diagrams')) {
  if (!f.endsWith('.json')) continue;
  const view = JSON.parse(readFileSync(`resources/diagrams/${f}`, 'utf8')) as AtlasView;
  if (only.length > 0 && !only.includes(view.id)) continue;
  const pts = (p: readonly number[]): string => p.join(' ');
  const parts: string[] = [];
  for (const s of view.strokes.filter((x) => x.kind === 'outline'))
    parts.push(`<polygon points="${pts(s.points)}" fill="#f3dcc8" stroke="#7a5c48" stroke-width="1.5"/>`);
  let hue = 0;
  for (const r of view.regions) {
    hue = (hue + 137.5) % 360;
    const deep = r.layer === 'deep';
    parts.push(`<polygon points="${pts(r.polygon)}" fill="hsl(${hue},60%,${deep ? 40 : 70}%)" fill-opacity="${deep ? 0.35 : 0.8}" stroke="#333" stroke-width="0.6" ${deep ? 'stroke-dasharray="3 2"' : ''}/>`);
  }
  for (const s of view.strokes.filter((x) => x.kind === 'detail'))
    parts.push(s.closed ? `<polygon points="${pts(s.points)}" fill="none" stroke="#4a3a30" stroke-width="1.2"/>` : `<polyline points="${pts(s.points)}" fill="none" stroke="#4a3a30" stroke-width="1.2"/>`);
  for (const r of view.regions)
    parts.push(`<text x="${r.label.x}" y="${r.label.y}" font-size="7" text-anchor="middle" font-family="sans-serif">${r.id.replace(/_/g, ' ')}</text>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${view.width * 1.5}" height="${view.height * 1.5}" viewBox="0 0 ${view.width} ${view.height}"><rect width="100%" height="100%" fill="white"/>${parts.join('')}</svg>`;
  writeFileSync(`${dir}/${view.id}.svg`, svg);
  writeFileSync(`${dir}/${view.id}.html`, `<html><body style="margin:0">${svg}</body></html>`);
}
