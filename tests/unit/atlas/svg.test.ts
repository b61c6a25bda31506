import { describe, expect, it } from 'vitest';
import { getView, listViewVersions, muscleName, pointAlong } from '../../../shared/atlas/index.ts';
import { deepOnlyMuscles, mapSvg, mapSvgTree, polygonPath, renderSvg, svgSites, viewSymbol, viewSymbolId, type SvgNode } from '../../../shared/atlas/svg.ts';

function all(node: SvgNode, tag: string): SvgNode[] {
  return [...(node.tag === tag ? [node] : []), ...(node.children ?? []).flatMap((c) => all(c, tag))];
}

describe('site map as SVG', () => {
  const face = getView('face_front', 1);
  const frontalis = face.regions.find((r) => r.muscleId === 'frontalis' && r.side === 'left');
  if (!frontalis) throw new Error('face_front has no left frontalis');
  const at = pointAlong(frontalis, 0.5);

  it('draws every region and stroke of the view and one marker per site, in diagram coordinates', () => {
    const tree = mapSvgTree(face, svgSites(face, [{ ...at, units: 5, muscleId: 'frontalis', side: 'left' }], 'current', muscleName), { widthPx: 120 });
    expect(tree.attrs.viewBox).toBe(`0 0 ${face.width} ${face.height}`);
    expect(tree.attrs.width).toBe(120);
    expect(tree.attrs.height).toBeCloseTo((face.height * 120) / face.width, 1);
    const superficial = face.regions.filter((r) => r.layer === 'superficial').length;
    expect(all(tree, 'path')).toHaveLength(face.strokes.length + superficial);
    const [marker] = all(tree, 'circle');
    expect(marker?.attrs.cx).toBeCloseTo(at.x, 1);
    expect(marker?.attrs.cy).toBeCloseTo(at.y, 1);
    // 4 px on screen at 120 px wide: the radius in diagram units grows as the picture shrinks.
    expect(marker?.attrs.r).toBeCloseTo((4 * face.width) / 120, 1);
    expect(all(tree, 'title').map((t) => t.text)).toContain('Frontalis, left: 5 U');
  });

  it('refers to a shared symbol instead of inlining the drawing when asked', () => {
    const tree = mapSvgTree(face, [], { symbolHref: viewSymbolId(face) });
    expect(all(tree, 'path')).toHaveLength(0);
    expect(all(tree, 'use')[0]?.attrs.href).toBe('#atlas-face_front-v1');
    expect(viewSymbol(face).attrs.id).toBe('atlas-face_front-v1');
  });

  it('marks a site in a deep-only muscle as deep and then shows the deep layer', () => {
    for (const { id, version } of listViewVersions()) {
      const view = getView(id, version);
      const deep = [...deepOnlyMuscles(view)][0];
      if (!deep) continue;
      const [muscleId, side] = deep.split('|') as [string, string];
      const region = view.regions.find((r) => r.muscleId === muscleId && r.side === side);
      if (!region) throw new Error('deep region vanished');
      const sites = svgSites(view, [{ ...pointAlong(region, 0.5), units: 10, muscleId, side }]);
      expect(sites[0]?.deep).toBe(true);
      const tree = mapSvgTree(view, sites);
      expect(all(tree, 'path').some((p) => p.attrs['stroke-dasharray'] === '5 3')).toBe(true);
      expect(all(tree, 'circle')[0]?.attrs['stroke-dasharray']).toBeDefined();
      return;
    }
    throw new Error('no view has a deep-only muscle');
  });

  it('prints units only when asked, and escapes every text and attribute', () => {
    const sites = [{ x: 10, y: 20, units: 2.5, title: 'a <b> & "c"' }];
    const plain = mapSvg(face, sites, { title: 'Map & <notes>' });
    expect(plain).not.toContain('>2.5<');
    expect(plain).toContain('Map &amp; &lt;notes&gt;');
    expect(plain).toContain('a &lt;b&gt; &amp; &quot;c&quot;');
    expect(plain.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(mapSvg(face, sites, { showUnits: true })).toContain('>2.5</text>');
  });

  it('refuses a tree that would not be SVG', () => {
    expect(() => renderSvg({ tag: 'g', attrs: { 'on click': 'x' } })).toThrow(/attribute name/);
    expect(() => renderSvg({ tag: 'circle', attrs: { r: Number.NaN } })).toThrow(/NaN/);
  });

  it('writes polygons as short paths rounded to a tenth of a diagram unit', () => {
    expect(polygonPath([0, 0, 10.04, 0, 10.06, 5.55], true)).toBe('M0 0L10 0L10.1 5.6Z');
    expect(polygonPath([1, 2, 3, 4], false)).toBe('M1 2L3 4');
  });
});

describe('compact markers for thumbnails', () => {
  it('draws every site as a circle inside one path per look, so a thumbnail stays a few elements', async () => {
    const { compactMarkers } = await import('../../../shared/atlas/svg.ts');
    const nodes = compactMarkers(
      [{ x: 10, y: 20 }, { x: 30, y: 40 }, { x: 50, y: 60, deep: true }, { x: 70, y: 80, tone: 'ghost' }],
      5,
    );
    expect(nodes.map((n) => [n.attrs['data-tone'], n.attrs['data-count']])).toEqual([['current', 2], ['current', 1], ['ghost', 1]]);
    expect(nodes[0]?.attrs.d).toBe('M5 20a5 5 0 1 0 10 0a5 5 0 1 0 -10 0M25 40a5 5 0 1 0 10 0a5 5 0 1 0 -10 0');
    expect(nodes[1]?.attrs['stroke-dasharray']).toBeDefined();
    expect(nodes[2]?.attrs['fill-opacity']).toBe(0.45);
  });
});
