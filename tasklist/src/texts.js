// The service desk page's texts, each declared once in Dutch and English ({ nl, en }, read with pick()).
// Call types in USM's terms (book: wens, wijziging, incident, serviceverzoek, risico).

export const TEXTS = {
  desk: { nl: 'Servicedesk', en: 'Service desk' },
  newCall: { nl: 'Nieuwe melding', en: 'Register a call' },
  myCalls: { nl: 'Mijn meldingen', en: 'My calls' },
  close: { nl: 'Terug naar Tasklist', en: 'Back to Tasklist' },
  loading: { nl: 'Bezig met laden…', en: 'Loading…' },

  service: { nl: 'Dienst', en: 'Service' },
  chooseService: { nl: 'Kies een dienst', en: 'Choose a service' },
  offers: { nl: 'Wat de dienst biedt', en: 'What the service offers' },
  type: { nl: 'Soort melding', en: 'Type of call' },
  summary: { nl: 'Korte omschrijving', en: 'Summary' },
  description: { nl: 'Toelichting (niet verplicht)', en: 'Details (optional)' },
  requester: { nl: 'Aanvrager', en: 'Requester' },
  requesterHint: {
    nl: 'Zoek op naam, gebruikersnaam of e-mailadres (minstens 2 tekens).',
    en: 'Search by name, user id or e-mail address (at least 2 characters).',
  },
  requesterSelf: { nl: 'U meldt dit voor uzelf.', en: 'You register this call for yourself.' },
  noRequesterFound: { nl: 'Geen gebruiker gevonden.', en: 'No user found.' },
  impact: { nl: 'Impact', en: 'Impact' },
  urgency: { nl: 'Urgentie', en: 'Urgency' },
  high: { nl: 'Hoog', en: 'High' },
  medium: { nl: 'Gemiddeld', en: 'Medium' },
  low: { nl: 'Laag', en: 'Low' },
  register: { nl: 'Melding registreren', en: 'Register the call' },
  registering: { nl: 'Bezig met registreren…', en: 'Registering…' },
  registered: { nl: 'De melding is geregistreerd onder nummer', en: 'The call is registered under number' },
  priority: { nl: 'Prioriteit', en: 'Priority' },
  follow: { nl: 'Volg deze melding', en: 'Follow this call' },
  another: { nl: 'Nog een melding registreren', en: 'Register another call' },
  fixFields: { nl: 'Controleer het gemarkeerde veld.', en: 'Please check the marked field.' },

  noCalls: { nl: 'U heeft nog geen meldingen.', en: 'You have no calls yet.' },
  trackingNumber: { nl: 'Nummer', en: 'Number' },
  status: { nl: 'Status', en: 'Status' },
  whereNow: { nl: 'Waar is de melding nu', en: 'Where the call is now' },
  expected: { nl: 'Verwacht gereed', en: 'Expected by' },
  registeredOn: { nl: 'Gemeld op', en: 'Registered on' },
  linked: { nl: 'Gekoppelde meldingen', en: 'Linked calls' },
  from: { nl: 'voortgekomen uit', en: 'came from' },
  started: { nl: 'leidde tot', en: 'led to' },
  nowhere: { nl: '—', en: '—' },
  withTeam: { nl: 'bij het behandelteam', en: 'with the team handling it' },

  verdictTitle: { nl: 'Is het resultaat wat u vroeg?', en: 'Is the result what you asked for?' },
  accept: { nl: 'Akkoord', en: 'Accept' },
  reject: { nl: 'Niet akkoord', en: 'Reject' },
  comment: { nl: 'Toelichting', en: 'Comment' },
  commentNeeded: { nl: 'Geef bij "Niet akkoord" aan wat er nog ontbreekt.', en: 'Say what is still missing when you reject.' },
  verdictSent: { nl: 'Dank u wel, uw oordeel is doorgegeven.', en: 'Thank you, your verdict has been passed on.' },
};

/** A one-line explanation of each call type, in USM's terms. */
export const CALL_TYPES = {
  incident: {
    nl: ['Incident', 'Iets werkt niet (meer) zoals afgesproken; het moet hersteld worden.'],
    en: ['Incident', 'Something does not work as agreed (any more) and needs to be restored.'],
  },
  'service-request': {
    nl: ['Serviceverzoek', 'U vraagt iets aan wat de dienst al biedt, zoals afgesproken.'],
    en: ['Service request', 'You ask for something the service already offers, as agreed.'],
  },
  rfc: {
    nl: ['Wijziging', 'Een verzoek om de dienst of wat erbij hoort te veranderen, binnen de afspraken.'],
    en: ['Request for change', 'A request to change the service or what it consists of, within the agreement.'],
  },
  wish: {
    nl: ['Wens', 'Iets wat de dienst nu niet biedt; daarover worden eerst nieuwe afspraken gemaakt.'],
    en: ['Wish', 'Something the service does not offer yet; new agreements are made about it first.'],
  },
  risk: {
    nl: ['Risico', 'Een dreiging dat de dienst straks niet meer werkt zoals afgesproken.'],
    en: ['Risk', 'A threat that the service will not keep working as agreed.'],
  },
};

/** The status of a call in plain words (the API's status labels as keys). */
export const STATUSES = {
  registered: { nl: 'Ontvangen', en: 'Received' },
  'in progress': { nl: 'In behandeling', en: 'In progress' },
  fulfilled: { nl: 'Geleverd, wacht op afronding', en: 'Delivered, being completed' },
  closed: { nl: 'Afgerond', en: 'Completed' },
  're-routed': { nl: 'Doorgezet naar een ander proces', en: 'Passed on to another process' },
  cancelled: { nl: 'Geannuleerd', en: 'Cancelled' },
  withdrawn: { nl: 'Ingetrokken', en: 'Withdrawn' },
  reclassified: { nl: 'Verder als melding van een andere soort', en: 'Continued as a call of another type' },
};
