// The unit tree of an organisation (förvaltning → enhet), flattened for display and look-ups.
import type { Unit } from '../../db/schema.ts';

export interface UnitNode extends Unit {
  depth: number;
  /** Names from the top-level unit down to this one. */
  path: string[];
}

export function flattenUnitTree(units: Unit[]): UnitNode[] {
  const children = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const siblings = children.get(unit.parent_id) ?? [];
    siblings.push(unit);
    children.set(unit.parent_id, siblings);
  }
  const result: UnitNode[] = [];
  const visit = (parentId: string | null, depth: number, path: string[]) => {
    const siblings = (children.get(parentId) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    for (const unit of siblings) {
      const unitPath = [...path, unit.name];
      result.push({ ...unit, depth, path: unitPath });
      visit(unit.id, depth + 1, unitPath);
    }
  };
  visit(null, 0, []);
  return result;
}

