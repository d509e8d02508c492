// The capability map as tiles: areas → themes → capabilities, each with its level as a number
// and a word; colour is only a help.
import { levelColour, levelWord } from '../../../charts/joint-charts.ts';
import { textOn } from '../../../charts/chart-theme.ts';
import type { AnswerScale } from '../../../domain/instruments/instrument-schema.ts';
import type { LevelMapResult } from '../../../domain/joint-results/level-map.ts';
import { pick, type Messages } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/page-context.ts';


/** The capability map as tiles: areas → themes → capabilities, level as number and word, colour as a help only. */
export function CapabilityMap({ m, locale, result, scale }: { m: Messages; locale: PageContext['locale']; result: LevelMapResult; scale: AnswerScale }) {
  const areas: Array<{ key: string; name: string; themes: Array<{ key: string; name: string; entries: LevelMapResult['capabilities'] }> }> = [];
  for (const entry of result.capabilities) {
    let area = areas.find((candidate) => candidate.key === entry.area.key);
    if (!area) areas.push((area = { key: entry.area.key, name: pick(entry.area.name, locale), themes: [] }));
    let theme = area.themes.find((candidate) => candidate.key === entry.theme.key);
    if (!theme) area.themes.push((theme = { key: entry.theme.key, name: pick(entry.theme.name, locale), entries: [] }));
    theme.entries.push(entry);
  }
  return (
    <div class="capability-map" id="capability-map">
      <ul class="level-legend" aria-label={m.joint.results.level}>
        {scale.labels.map((label) => {
          const colour = levelColour(label.value, scale.min, scale.max);
          return (
            <li>
              <span class={`level-swatch level-${label.value}`} style={`background:${colour};color:${textOn(colour)}`}>
                {label.value}
              </span>{' '}
              {pick(label.label, locale)}
            </li>
          );
        })}
      </ul>
      {areas.map((area) => (
        <section class="map-area" aria-labelledby={`area-${area.key}`}>
          <h3 id={`area-${area.key}`}>{area.name}</h3>
          <div class="map-themes">
            {area.themes.map((theme) => (
              <section class="map-theme" aria-labelledby={`theme-${theme.key}`}>
                <h4 id={`theme-${theme.key}`}>{theme.name}</h4>
                <ul class="map-tiles">
                  {theme.entries.map((entry) => {
                    const colour = entry.level === null ? '#ffffff' : levelColour(entry.level, scale.min, scale.max);
                    return (
                      <li class={`map-tile${entry.level === null ? ' map-tile-empty' : ` level-${entry.level}`}`} style={`background:${colour};color:${textOn(colour)}`} data-level={entry.level ?? ''}>
                        <span class="map-tile-name">{pick(entry.capability.name, locale)}</span>
                        <span class="map-tile-level">{entry.level === null ? m.joint.results.unanswered : levelWord(scale, entry.level, locale)}</span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
