// A wide table's frame: on a narrow screen the table scrolls sideways inside it. A region that
// scrolls must be reachable by keyboard and named (WCAG 2.1.1, axe `scrollable-region-focusable`),
// so the frame takes focus (tabindex 0) and is a region named after its table.
import type { ComponentChildren } from 'preact';

export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
