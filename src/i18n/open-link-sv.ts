// Texts of the open link's start page (issue 15): the respondent may say which unit they work in
// and which role they have, so open-link answers can be shown per unit and role like the invited
// ones. Both are optional; what "not given" means for the results is said on the page.
export const openLinkSv = {
  aboutYouTitle: 'Om dig (frivilligt)',
  aboutYouIntro: 'Om du anger enhet och roll kan resultaten visas per enhet och roll. En grupp visas bara när tillräckligt många har svarat i den, så ingen kan se vad just du har svarat.',
  unitLabel: 'Vilken enhet arbetar du i?',
  unitHint: 'Välj den enhet som ligger närmast ditt arbete. En underenhet står efter sin förvaltning, till exempel ”Förvaltning › Enhet”.',
  roleLabel: 'Vilken roll har du?',
  roleHint: 'Rollerna är de som mätningen använder.',
  notGiven: 'Vill inte ange',
  notGivenMeans: 'Väljer du ”Vill inte ange” räknas dina svar in i hela organisationens resultat, men inte i någon enhet eller roll.',
  unitUnknown: 'Välj en enhet i listan, eller ”Vill inte ange”',
  roleUnknown: 'Välj en roll i listan, eller ”Vill inte ange”',
};
