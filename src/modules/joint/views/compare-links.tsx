// On a federation's page (or a member's): links to the comparison of each joint instrument
// across the federation's members.
import type { Messages } from '../../../i18n/messages.ts';

/** On a federation's page: links to the comparison of each joint instrument across its members. */
export function JointCompareLinks({ m, organisationId, instruments }: { m: Messages; organisationId: string; instruments: Array<{ key: string; name: string }> }) {
  return (
    <section aria-labelledby="joint-compare-title">
      <h2 id="joint-compare-title">{m.joint.round.title}</h2>
      <p>{m.joint.federation.intro}</p>
      <ul class="link-list">
        {instruments.map((instrument) => (
          <li>
            <a href={`/org/${organisationId}/compare/${instrument.key}`}>{m.joint.federation.title(instrument.name)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
