import { createElement, type ReactElement } from 'react';
import type { SvgNode } from '../../../shared/atlas/svg.ts';

/** SVG attribute names written as React expects them (React warns on hyphenated names). */
const REACT_NAMES: Record<string, string> = {
  class: 'className',
  'stroke-width': 'strokeWidth',
  'stroke-dasharray': 'strokeDasharray',
  'stroke-linejoin': 'strokeLinejoin',
  'stroke-linecap': 'strokeLinecap',
  'fill-opacity': 'fillOpacity',
  'font-size': 'fontSize',
  'font-weight': 'fontWeight',
  'font-family': 'fontFamily',
  'paint-order': 'paintOrder',
};

function props(attrs: SvgNode['attrs'], key: string | number): Record<string, string | number> {
  const out: Record<string, string | number> = { key };
  for (const [k, v] of Object.entries(attrs)) out[REACT_NAMES[k] ?? k] = v;
  return out;
}

/** Renders the pure element tree of shared/atlas/svg.ts as React SVG elements (no innerHTML anywhere). */
export function renderTree(node: SvgNode, key: string | number = 0): ReactElement {
  const children = [...(node.text !== undefined ? [node.text] : []), ...(node.children ?? []).map((c, i) => renderTree(c, i))];
  return createElement(node.tag, props(node.attrs, key), ...children);
}

export function SvgTree({ node }: { node: SvgNode }) {
  return renderTree(node);
}
