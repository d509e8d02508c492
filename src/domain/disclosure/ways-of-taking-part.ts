// Made-up respondents through the open link (issue 12, problem 3). A coordinator who knows the
// answers of fake respondents can subtract them from a published group; with one real person
// and k − 1 fakes that gives away the real person's answers. So the two ways of taking part —
// invited by personal link, or through the round's open link — are each held to the threshold:
// a way with at least one but fewer than k respondents is left out of every published figure.
// Fakes through the open link then either stay below k (and are left out) or reach k on their
// own, and the real invited person below k is left out too: the attacker learns only the fakes.

export interface TakingPart {
  viaOpenLink: boolean;
}

export interface WaysOfTakingPart<T> {
  /** The respondents whose answers may be published. */
  kept: T[];
  /** How many of each way were left out for being fewer than the threshold (0 where none). */
  leftOut: { invited: number; openLink: number };
}

export function keepWaysOfTakingPart<T extends TakingPart>(respondents: readonly T[], threshold: number): WaysOfTakingPart<T> {
  const invited = respondents.filter((respondent) => !respondent.viaOpenLink);
  const openLink = respondents.filter((respondent) => respondent.viaOpenLink);
  const small = (group: readonly T[]) => group.length > 0 && group.length < threshold;
  return {
    kept: [...(small(invited) ? [] : invited), ...(small(openLink) ? [] : openLink)],
    leftOut: { invited: small(invited) ? invited.length : 0, openLink: small(openLink) ? openLink.length : 0 },
  };
}
