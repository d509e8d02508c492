// Markers of a scatter chart that fall on (nearly) the same spot, e.g. two members of a federation
// with the same scores in the maturity matrix, would hide each other. They are spread around
// their common place by a few pixels (ECharts' symbolOffset, so the values, tooltips and data
// table stay exact) and each label is put on the outer side of its own marker.

export interface PlacedPoint {
  /** Position in pixels from the plot's left and top edge (or any origin shared by all points). */
  x: number;
  y: number;
}

type LabelSide = 'right' | 'left' | 'top' | 'bottom';

export interface Spread {
  /** Pixels to move the marker by: [right, down]. [0, 0] for a marker that stands alone. */
  offset: [number, number];
  /** Where its label goes, away from the group's centre. */
  labelSide: LabelSide;
}

/**
 * Groups points closer than `distance` pixels on both axes (a chain of close points is one
 * group) and spreads each group of n on a circle around its centre, so neighbouring markers are
 * at least `distance` apart: radius = distance / (2 sin(π/n)), at least `distance / 2`.
 * The first of a group goes to the right, the others follow counter-clockwise.
 */
export function spreadMarkers(points: readonly PlacedPoint[], distance: number): Spread[] {
  const group = points.map((_point, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i]!;
      const b = points[j]!;
      if (Math.abs(a.x - b.x) < distance && Math.abs(a.y - b.y) < distance) group[root(j)] = root(i);
    }
  }
  const members = new Map<number, number[]>();
  points.forEach((_point, i) => members.set(root(i), [...(members.get(root(i)) ?? []), i]));
  const spreads: Spread[] = points.map(() => ({ offset: [0, 0], labelSide: 'right' }));
  for (const indices of members.values()) {
    const n = indices.length;
    if (n === 1) continue;
    const centre = {
      x: indices.reduce((sum, i) => sum + points[i]!.x, 0) / n,
      y: indices.reduce((sum, i) => sum + points[i]!.y, 0) / n,
    };
    const radius = Math.max(distance / 2, distance / (2 * Math.sin(Math.PI / n)));
    indices.forEach((index, k) => {
      const angle = (2 * Math.PI * k) / n;
      const target = { x: centre.x + radius * Math.cos(angle), y: centre.y - radius * Math.sin(angle) };
      const point = points[index]!;
      spreads[index] = { offset: [round(target.x - point.x), round(target.y - point.y)], labelSide: sideOf(angle) };
    });
  }
  return spreads;
}

function sideOf(angle: number): LabelSide {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  if (Math.abs(cos) >= Math.abs(sin)) return cos >= 0 ? 'right' : 'left';
  return sin > 0 ? 'top' : 'bottom';
}

const round = (value: number) => Math.round(value * 10) / 10;
