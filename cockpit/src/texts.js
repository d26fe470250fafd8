// Every text the plugin pages show, in Dutch and English (DESIGN §14): one declaration per text, read with
// t(key, ...values) in the page's language (locale.js). Placeholders are {0}, {1}, …. Statuses, link statuses
// and call types are shown in words (callStatus, linkStatus, callType), never as their codes.
import { language, pick } from './util/locale.js';

export const TEXTS = {
  // ---- shared ----
  'nav.calls': { nl: 'Meldingen', en: 'Calls' },
  'nav.chain': { nl: 'Keten', en: 'Chain' },
  'nav.report': { nl: 'Rapportage', en: 'Report' },
  'nav.services': { nl: 'Diensten', en: 'Services' },
  'tab.label': { nl: 'USM-melding', en: 'USM call' },
  'loading': { nl: 'Laden…', en: 'Loading…' },
  'error': { nl: 'Fout', en: 'Error' },
  'unknownError': { nl: 'Onbekende fout', en: 'Unknown error' },
  'pluginFailed': { nl: 'De USM-plugin werkt niet: {0}', en: 'The USM plugin failed: {0}' },
  'any': { nl: 'alle', en: 'any' },
  'search': { nl: 'Zoeken', en: 'Search' },
  'show': { nl: 'Tonen', en: 'Show' },
  'clearFilters': { nl: 'Filters wissen', en: 'Clear filters' },
  'from': { nl: 'Van', en: 'From' },
  'to': { nl: 'Tot en met', en: 'To' },
  'period': { nl: 'Periode: {0} – {1}', en: 'Period: {0} – {1}' },
  'noAccess.title': { nl: 'Geen toegang', en: 'No access' },
  'noAccess.text': {
    nl: 'U mag deze gegevens niet inzien. Meldingen en hun cijfers zijn voor auditors, de eigenaren van een dienst '
      + 'en de teams die een dienst uitvoeren. Hebt u ze voor uw werk nodig, vraag dan de beheerder om toegang.',
    en: 'You may not read this. Calls and their figures are for auditors, the owners of a service and the teams '
      + 'that work it. If your work needs them, ask an administrator for access.',
  },
  'http.network': { nl: 'Netwerkfout: {0}', en: 'Network error: {0}' },
  'http.notJson': {
    nl: 'Onverwacht antwoord van {0} (geen JSON; is de sessie nog geldig?)',
    en: 'Unexpected answer from {0} (not JSON; is the session still valid?)',
  },
  'http.noToken': {
    nl: 'Deze pagina heeft geen CSRF-token, dus er is niets verstuurd: laad de pagina opnieuw (log zo nodig opnieuw in).',
    en: 'No CSRF token in this page, so nothing was sent: reload the page (log in again if asked).',
  },
  'http.badToken': {
    nl: 'Het verzoek is geweigerd om een ontbrekend of onjuist CSRF-token (HTTP 403): laad de pagina opnieuw en log opnieuw in.',
    en: 'The request was refused for a missing or wrong CSRF token (HTTP 403): reload the page and log in again.',
  },
  'http.notAllowed': {
    nl: 'Niet toegestaan (HTTP {0}): log opnieuw in of vraag om toegang.',
    en: 'Not allowed (HTTP {0}): log in again or ask for access.',
  },
  'http.failed': { nl: 'Verzoek mislukt: HTTP {0}', en: 'Request failed: HTTP {0}' },
  'pageRange': { nl: '{0}–{1} van {2}', en: '{0}–{1} of {2}' },
  'pageRange.none': { nl: '0 van {0}', en: '0 of {0}' },
  'duration.minutes': { nl: '{0} min', en: '{0} min' },
  'duration.hours': { nl: '{0} u', en: '{0} h' },
  'chart.failed': { nl: 'Grafiek: {0}', en: 'Chart: {0}' },
  'unit.minutes': { nl: 'minuten', en: 'minutes' },
  'unit.hours': { nl: 'uren', en: 'hours' },
  'unit.symbol.days': { nl: 'd', en: 'd' },
  'unit.symbol.seconds': { nl: 's', en: 's' },
  'unit.symbol.minutes': { nl: 'min', en: 'min' },
  'unit.symbol.hours': { nl: 'u', en: 'h' },

  // ---- words for codes ----
  'callType.wish': { nl: 'wens', en: 'wish' },
  'callType.rfc': { nl: 'wijziging', en: 'change request' },
  'callType.incident': { nl: 'incident', en: 'incident' },
  'callType.service-request': { nl: 'serviceverzoek', en: 'service request' },
  'callType.risk': { nl: 'risico', en: 'risk' },
  'callStatus.registered': { nl: 'geregistreerd', en: 'registered' },
  'callStatus.in progress': { nl: 'in behandeling', en: 'in progress' },
  'callStatus.fulfilled': { nl: 'geleverd', en: 'fulfilled' },
  'callStatus.closed': { nl: 'afgerond', en: 'closed' },
  'callStatus.re-routed': { nl: 'doorgestuurd', en: 're-routed' },
  'callStatus.cancelled': { nl: 'geannuleerd', en: 'cancelled' },
  'callStatus.withdrawn': { nl: 'ingetrokken', en: 'withdrawn' },
  'callStatus.reclassified': { nl: 'anders ingedeeld', en: 'reclassified' },
  'linkStatus.requested': { nl: 'aangevraagd', en: 'requested' },
  'linkStatus.registered': { nl: 'geregistreerd', en: 'registered' },
  'linkStatus.in progress': { nl: 'in behandeling', en: 'in progress' },
  'linkStatus.fulfilled': { nl: 'geleverd', en: 'fulfilled' },
  'linkStatus.refused': { nl: 'geweigerd', en: 'refused' },
  'linkStatus.closed': { nl: 'afgerond', en: 'closed' },
  'delivery.pending': { nl: 'wacht op verzending', en: 'pending' },
  'delivery.failing': { nl: 'verzending mislukt', en: 'failing' },
  'serviceState.active': { nl: 'actief', en: 'active' },
  'serviceState.retired': { nl: 'buiten gebruik', en: 'retired' },
  'trailKind.REGISTERED': { nl: 'geregistreerd', en: 'registered' },
  'trailKind.STEP_COMPLETED': { nl: 'stap afgerond', en: 'step completed' },
  'trailKind.DECISION': { nl: 'besluit', en: 'decision' },
  'trailKind.HANDOVER': { nl: 'overdracht', en: 'handover' },
  'trailKind.RETURN': { nl: 'terug na overdracht', en: 'return' },
  'trailKind.REROUTE': { nl: 'ander patroon', en: 're-route' },
  'trailKind.REGISTER': { nl: 'register bijgewerkt', en: 'register written' },
  'trailKind.LINKED_CALL': { nl: 'gekoppelde melding', en: 'linked call' },
  'trailKind.SLA_BREACH': { nl: 'SLA overschreden', en: 'SLA breached' },
  'trailKind.ESCALATION': { nl: 'escalatie', en: 'escalation' },
  'trailKind.ASSIGNMENT': { nl: 'toewijzing', en: 'assignment' },
  'trailKind.REFUSAL': { nl: 'weigering', en: 'refusal' },
  'trailKind.INTERVENTION': { nl: 'ingreep', en: 'intervention' },
  'trailKind.CONFIRMATION': { nl: 'oordeel van de aanvrager', en: "requester's verdict" },
  'trailKind.CLOSED': { nl: 'afgerond', en: 'closed' },
  'instanceState.ACTIVE': { nl: 'loopt', en: 'active' },
  'instanceState.SUSPENDED': { nl: 'onderbroken', en: 'suspended' },
  'instanceState.COMPLETED': { nl: 'afgerond', en: 'completed' },
  'instanceState.EXTERNALLY_TERMINATED': { nl: 'van buitenaf beëindigd', en: 'externally terminated' },
  'instanceState.INTERNALLY_TERMINATED': { nl: 'beëindigd', en: 'terminated' },

  // ---- columns and facts of calls ----
  'field.trackingNumber': { nl: 'Meldingsnummer', en: 'Tracking number' },
  'field.type': { nl: 'Soort', en: 'Type' },
  'field.service': { nl: 'Dienst', en: 'Service' },
  'field.pattern': { nl: 'Patroon', en: 'Pattern' },
  'field.status': { nl: 'Status', en: 'Status' },
  'field.summary': { nl: 'Samenvatting', en: 'Summary' },
  'field.requester': { nl: 'Aanvrager', en: 'Requester' },
  'field.registered': { nl: 'Geregistreerd', en: 'Registered' },
  'field.slaDue': { nl: 'SLA-termijn', en: 'SLA due' },
  'field.sla': { nl: 'SLA', en: 'SLA' },

  // ---- the Calls page ----
  'calls.title': { nl: 'Meldingen', en: 'Calls' },
  'calls.serviceId': { nl: 'id van de dienst', en: 'service id' },
  'calls.requester': { nl: 'aanvrager', en: 'requester' },
  'calls.registeredFrom': { nl: 'Geregistreerd vanaf', en: 'Registered from' },
  'calls.registeredTo': { nl: 'Geregistreerd tot en met', en: 'Registered to' },
  'calls.breached': { nl: 'overschreden', en: 'breached' },
  'calls.breachedAt': { nl: 'SLA overschreden op {0}', en: 'SLA breached at {0}' },
  'calls.empty': { nl: 'Geen meldingen die aan deze filters voldoen.', en: 'No calls match these filters.' },
  'calls.previous': { nl: '‹ Vorige', en: '‹ Previous' },
  'calls.next': { nl: 'Volgende ›', en: 'Next ›' },

  // ---- one call ----
  'call.back': { nl: '‹ Meldingen', en: '‹ Calls' },
  'call.title': { nl: 'Melding ', en: 'Call ' },
  'call.notFound': {
    nl: 'Melding {0} bestaat niet, of u mag hem niet inzien.', en: 'Call {0} does not exist, or you may not read it.',
  },
  'call.noTrackingNumber': { nl: 'Er staat geen meldingsnummer in het adres.', en: 'No tracking number in the address.' },
  'call.predicted': { nl: ' (voorspeld {0})', en: ' (predicted {0})' },
  'call.by': { nl: ' door {0}', en: ' by {0}' },
  'call.breachedAt': { nl: 'overschreden {0}', en: 'breached {0}' },
  'call.suspended': { nl: 'onderbroken', en: 'suspended' },
  'call.outcome': { nl: 'Uitkomst', en: 'Outcome' },
  'call.reclassifiedAs': { nl: 'Anders ingedeeld als', en: 'Reclassified as' },
  'call.description': { nl: 'Omschrijving', en: 'Description' },
  'call.reference': { nl: 'Referentie', en: 'Reference' },
  'call.referenceNote': {
    nl: ' (het meldingsnummer van de afnemer: overgedragen door een andere organisatie)',
    en: " (the consumer's tracking number: handed over from another organisation)",
  },
  'call.withdrawn': { nl: 'Ingetrokken', en: 'Withdrawn' },
  'call.cancelled': { nl: 'Geannuleerd', en: 'Cancelled' },
  'call.concerned': { nl: 'Betrokken componenten', en: 'Concerned components' },
  'call.changed': { nl: 'Gewijzigde componenten', en: 'Changed components' },
  'call.startedFrom': { nl: 'Gestart vanuit', en: 'Started from' },
  'call.startedCalls': { nl: 'Gestarte meldingen', en: 'Started calls' },
  'call.processInstance': { nl: 'Procesinstantie', en: 'Process instance' },
  'call.openSteps': { nl: 'Openstaande stappen', en: 'Open steps' },
  'call.step': { nl: 'Stap', en: 'Step' },
  'call.name': { nl: 'Naam', en: 'Name' },
  'call.process': { nl: 'Proces', en: 'Process' },
  'call.assignee': { nl: 'Behandelaar', en: 'Assignee' },
  'call.due': { nl: 'Termijn', en: 'Due' },
  'call.unassigned': { nl: 'niet toegewezen', en: 'unassigned' },
  'call.noOpenSteps': { nl: 'Geen openstaande stappen.', en: 'No open steps.' },
  'call.lastError': { nl: 'laatste fout: ', en: 'last error: ' },
  'call.nextAttempt': { nl: 'volgende poging: ', en: 'next attempt: ' },
  'call.attempt': { nl: '{0} poging', en: '{0} attempt' },
  'call.attempts': { nl: '{0} pogingen', en: '{0} attempts' },
  'call.noLinks': { nl: 'Geen werk overgedragen aan ketenpartners.', en: 'No work handed to links.' },
  'call.notRegisteredYet': { nl: 'nog niet geregistreerd', en: 'not registered yet' },
  'call.open': { nl: 'open', en: 'open' },
  'call.provider': { nl: 'leverancier: ', en: 'provider: ' },
  'call.requestedBy': { nl: 'door {0}', en: 'by {0}' },
  'call.link': { nl: 'Ketenpartner', en: 'Link' },
  'call.providersCall': { nl: 'Melding bij de leverancier', en: "Provider's call" },
  'call.summaryAndMessage': { nl: 'Samenvatting en bericht', en: 'Summary and message' },
  'call.linkStepTitle': {
    nl: 'De stap die het werk overdroeg; die wacht tot de gekoppelde melding een uitkomst heeft (regel L1)',
    en: 'The step that handed the work over; it waits until the linked call has an outcome (rule L1)',
  },
  'call.linkDueTitle': {
    nl: 'De afspraak met de ketenpartner: klaar binnen de afhandeltijd',
    en: "The link's agreement: due by its handling time",
  },
  'call.delivery': { nl: 'Verzending', en: 'Delivery' },
  'call.tree': { nl: 'Meldingsboom', en: 'Call tree' },
  'call.running': { nl: 'loopt', en: 'running' },
  'call.openInCockpit': { nl: 'Open deze lopende instantie in Cockpit', en: 'Open this running instance in Cockpit' },
  'call.time': { nl: 'Tijd', en: 'Time' },
  'call.kind': { nl: 'Soort', en: 'Kind' },
  'call.user': { nl: 'Gebruiker', en: 'User' },
  'call.rule': { nl: 'Regel', en: 'Rule' },
  'call.message': { nl: 'Bericht', en: 'Message' },
  'call.data': { nl: 'Gegevens', en: 'Data' },
  'call.noEntries': { nl: 'Geen regels.', en: 'No entries.' },
  'call.linkedCalls': { nl: 'Gekoppelde meldingen (ketenpartners)', en: 'Linked calls (links)' },
  'call.treeAndPath': { nl: 'Meldingsboom en gevolgd pad', en: 'Call tree and path taken' },
  'call.legendTaken': { nl: 'doorlopen (getal: hoe vaak)', en: 'taken (badge: how often)' },
  'call.legendActive': { nl: 'nu actief', en: 'active now' },
  'call.trail': { nl: 'Audittrail', en: 'Audit trail' },
  'call.exportCsv': { nl: 'CSV exporteren', en: 'Export CSV' },
  'call.sendAgainFailed': { nl: 'Opnieuw versturen: {0}', en: 'Send again: {0}' },
  'call.sendAgainTitle': {
    nl: 'Verstuur nu wat van deze melding nog onderweg is naar een andere installatie, in plaats van bij de volgende poging',
    en: 'Send what of this call is still on its way to another installation now, instead of at its next attempt',
  },
  'call.sendAgain': { nl: 'Nu opnieuw versturen', en: 'Send again now' },
  'call.retriedNone': {
    nl: 'Er wachtte niets op verzending: alles van deze melding is aangekomen.',
    en: 'Nothing was waiting to be sent: every delivery of this call is through.',
  },
  'call.retriedOne': { nl: '1 verzending gaat nu opnieuw.', en: '1 delivery is being sent again now.' },
  'call.retriedMany': { nl: '{0} verzendingen gaan nu opnieuw.', en: '{0} deliveries are being sent again now.' },
  'call.noXml': { nl: 'Geen BPMN-XML voor {0}', en: 'No BPMN XML for {0}' },
  'call.loadingDiagram': { nl: 'Diagram laden…', en: 'Loading diagram…' },
  'call.notInDiagram': { nl: 'Niet in dit diagram: {0}', en: 'Not in this diagram: {0}' },
  'call.diagramFailed': { nl: 'Diagram: {0}', en: 'Diagram: {0}' },
  'call.noInstances': { nl: 'Geen procesinstanties.', en: 'No process instances.' },
  'call.allKinds': { nl: 'alle soorten ({0})', en: 'all kinds ({0})' },
  'call.takenTimes': { nl: '{0}: {1}× doorlopen', en: '{0}: taken {1}×' },

  // ---- the tab on a process instance ----
  'tab.noInstance': { nl: 'Het tabblad kreeg geen procesinstantie.', en: 'No process instance id given to the tab.' },
  'tab.noCall': {
    nl: 'Deze procesinstantie hoort bij geen USM-melding (geen business key).',
    en: 'This process instance belongs to no USM call (no business key).',
  },
  'tab.openCall': { nl: 'Melding {0} openen op de pagina Meldingen', en: 'Open call {0} in the USM Calls page' },
  'tab.via': { nl: '(meldingsnummer van de aanroepende instantie {0})', en: '(tracking number of the calling instance {0})' },

  // ---- the Chain page ----
  'chain.title': { nl: 'Keten', en: 'Chain' },
  'chain.note': {
    nl: 'Pas op voor het watermeloeneffect: elk team kan op zijn eigen cijfers groen staan terwijl de keten rood is. '
      + 'De staptijd (hoe lang een stap duurt zodra de taak openstaat) is het eigen cijfer van de teams; de doorlooptijd '
      + 'van registratie tot afronding en het deel van de meldingen waarvan de SLA is gehaald, over alle teams en '
      + 'overdrachten heen, zijn wat de aanvrager merkt; wachttijden bij overdracht, doorsturingen en weigeringen laten '
      + 'zien waar de keten tijd verliest.',
    en: 'Beware the watermelon effect: every team can be green on its own figures while the chain is red. '
      + "The step time (how long a step takes once its task is open) is the teams' own figure; the lead time from "
      + 'registration to closure and the share of calls whose SLA was met, across all teams and hand-overs, are what '
      + 'the requester feels; hand-over waits, re-routes and refusals show where the chain loses time.',
  },
  'chain.rows': { nl: '{0} · {1} rijen dienst/patroon', en: '{0} · {1} service/pattern rows' },
  'chain.empty': { nl: 'Geen meldingen in deze periode.', en: 'No calls in this period.' },
  'chain.watermelon': {
    nl: 'Groene teams naast een rode keten: deze teams zijn snel op hun eigen cijfers terwijl hun keten de SLA niet '
      + 'haalt: {0}. Open de rapportage van de dienst voor de wachttijden tussen de teams.',
    en: 'Green teams beside a red chain: these teams are quick on their own terms while their chain misses its SLA: '
      + "{0}. Open the service's report for the hand-off waits.",
  },
  'chain.chartLead': {
    nl: 'Staptijd (teams) en doorlooptijd (keten) per dienst en patroon ({0})',
    en: 'Step time (teams) and lead time (chain) per service and pattern ({0})',
  },
  'chain.chartSla': { nl: 'SLA gehaald per dienst en patroon', en: 'SLA met rate per service and pattern' },
  'chain.chartRefusals': { nl: 'Weigeringen per regel (alle rijen)', en: 'Refusals per rule (all rows)' },
  'chain.noTimes': {
    nl: 'Geen afgeronde stappen of meldingen in deze periode: nog geen stap- of doorlooptijden.',
    en: 'No completed steps or finished calls in this period: no step or lead times yet.',
  },
  'chain.noSla': {
    nl: 'Geen afgeronde meldingen in deze periode: nog geen SLA-resultaten.',
    en: 'No finished calls in this period: no SLA results yet.',
  },
  'chain.noRefusals': { nl: 'Geen weigeringen in deze periode.', en: 'No refusals in this period.' },
  'chain.stepTimeMedian': { nl: 'mediaan staptijd', en: 'step time median' },
  'chain.leadTimeMedian': { nl: 'mediaan doorlooptijd', en: 'lead time median' },
  'chain.leadTimeP90': { nl: 'doorlooptijd p90', en: 'lead time p90' },
  'chain.slaMet': { nl: 'SLA gehaald', en: 'SLA met' },
  'chain.refusals': { nl: 'weigeringen', en: 'refusals' },

  // ---- figures (Chain and Report tables) ----
  'kpi.calls': { nl: 'Meldingen', en: 'Calls' },
  'kpi.finished': { nl: 'Afgerond', en: 'Finished' },
  'kpi.fulfilled': { nl: 'Geleverd', en: 'Fulfilled' },
  'kpi.stepTimeMedian': { nl: 'Mediaan staptijd', en: 'Step time median' },
  'kpi.stepTimeTitle': {
    nl: 'hoe lang een stap duurt zodra de taak openstaat: het eigen cijfer van de teams',
    en: "how long a step takes once its task is open: the teams' own figure",
  },
  'kpi.toFulfilmentMedian': { nl: 'Mediaan tot levering', en: 'To fulfilment median' },
  'kpi.toFulfilmentTitle': {
    nl: 'van registratie tot de aanvrager de levering accepteerde: het moment van de klant',
    en: "registration until the requester accepted the delivery: the customer's moment",
  },
  'kpi.toFulfilmentP90': { nl: 'Tot levering p90', en: 'To fulfilment p90' },
  'kpi.slaMetAtFulfilment': { nl: 'SLA gehaald bij levering', en: 'SLA met at fulfilment' },
  'kpi.leadTimeMedian': { nl: 'Mediaan doorlooptijd', en: 'Lead time median' },
  'kpi.leadTimeP90': { nl: 'Doorlooptijd p90', en: 'Lead time p90' },
  'kpi.slaMet': { nl: 'SLA gehaald', en: 'SLA met' },
  'kpi.slaMetRate': { nl: 'Deel SLA gehaald', en: 'SLA met rate' },
  'kpi.handoverWaitMedian': { nl: 'Mediaan wachttijd overdracht', en: 'Handover wait median' },
  'kpi.handoffWaitMedian': { nl: 'Mediaan wachttijd tussen teams', en: 'Hand-off wait median' },
  'kpi.handoffWaitTitle': {
    nl: 'van de stap van het ene team tot het volgende team zijn stap oppakte',
    en: "from one team's step until the next team took its step up",
  },
  'kpi.reworkRate': { nl: 'Deel herstelwerk', en: 'Rework rate' },
  'kpi.reroutes': { nl: 'Doorsturingen', en: 'Re-routes' },
  'kpi.rerouteRate': { nl: 'Deel doorgestuurd', en: 'Re-route rate' },
  'kpi.refusalsByRule': { nl: 'Weigeringen per regel', en: 'Refusals by rule' },
  'kpi.improvementFindings': { nl: 'Verbeterpunten', en: 'Improvement findings' },
  'kpi.toClosureMedian': { nl: 'Mediaan tot afronding', en: 'To closure median' },
  'kpi.slaMetAtClosure': { nl: 'SLA gehaald bij afronding', en: 'SLA met at closure' },
  'kpi.firstTimeRight': { nl: 'In één keer goed', en: 'First time right' },
  'kpi.period': { nl: 'Periode', en: 'Period' },

  // ---- the Report page ----
  'report.title': { nl: 'Dienstrapportage', en: 'Service report' },
  'report.titleOf': { nl: 'Dienstrapportage: {0}', en: 'Service report: {0}' },
  'report.trendPer': { nl: 'Trend per', en: 'Trend per' },
  'report.month': { nl: 'maand', en: 'month' },
  'report.week': { nl: 'week', en: 'week' },
  'report.print': { nl: 'Afdrukken', en: 'Print' },
  'report.csv': { nl: 'CSV', en: 'CSV' },
  'report.team': { nl: 'Team', en: 'Team' },
  'report.steps': { nl: 'Stappen', en: 'Steps' },
  'report.queueMedian': { nl: 'Mediaan wachtrij', en: 'Queue median' },
  'report.workMedian': { nl: 'Mediaan werk', en: 'Work median' },
  'report.greenWhileRed': { nl: 'groen terwijl de keten rood is', en: 'green while the chain is red' },
  'report.answered': { nl: 'Beantwoord', en: 'Answered' },
  'report.withinAgreement': { nl: 'Binnen de afspraak', en: 'Within agreement' },
  'report.late': { nl: 'Te laat', en: 'Late' },
  'report.emptyOf': {
    nl: 'Geen meldingen van {0} die u mag inzien in deze periode.',
    en: 'No calls of {0} you may read in this period.',
  },
  'report.empty': { nl: 'Geen meldingen die u mag inzien in deze periode.', en: 'No calls you may read in this period.' },
  'report.chartWatermelon': {
    nl: '{0}: de doorlooptijd van de klant naast de eigen tijden van de teams',
    en: "{0}: the customer's lead time beside the teams' own times",
  },
  'report.chartTrendLead.month': {
    nl: 'Mediaan doorlooptijd tot levering per maand en patroon',
    en: 'Median lead time to fulfilment per month and pattern',
  },
  'report.chartTrendLead.week': {
    nl: 'Mediaan doorlooptijd tot levering per week en patroon',
    en: 'Median lead time to fulfilment per week and pattern',
  },
  'report.chartTrendSla.month': {
    nl: 'SLA gehaald bij levering per maand en patroon', en: 'SLA met at fulfilment per month and pattern',
  },
  'report.chartTrendSla.week': {
    nl: 'SLA gehaald bij levering per week en patroon', en: 'SLA met at fulfilment per week and pattern',
  },
  'report.periodNote': {
    nl: '{0} · geregistreerde meldingen, naar de maand of week van registratie',
    en: '{0} · registered calls, by the month or week they were registered',
  },
  'report.watermelon': {
    nl: 'De keten haalt de SLA niet terwijl deze teams snel zijn op hun eigen cijfers (het watermeloeneffect): {0}. '
      + 'De tijd gaat tussen hen verloren: kijk naar de wachttijden tussen de teams.',
    en: 'The chain misses its SLA while these teams are quick on their own terms (the watermelon effect): {0}. '
      + 'The time is lost between them: look at the hand-off waits.',
  },
  'report.chainAndTeams': { nl: 'De keten en zijn teams', en: 'The chain and its teams' },
  'report.chainNote': {
    nl: 'De klant wacht van de registratie tot hij de levering accepteert. Elk team ziet alleen zijn eigen wachtrij '
      + '(tot iemand de stap oppakt) en werk (tot die klaar is); wat daartussen ligt is de wachttijd tussen de teams, '
      + 'waar geen team eigenaar van is.',
    en: 'The customer waits from registration until they accept the delivery. Each team sees only its own queue '
      + '(until somebody takes the step up) and work (until it is done); what lies between is the hand-off wait, '
      + 'which no team owns.',
  },
  'report.perPattern': { nl: 'Cijfers per patroon', en: 'Figures per pattern' },
  'report.trend.month': { nl: 'Trend per maand', en: 'Trend per month' },
  'report.trend.week': { nl: 'Trend per week', en: 'Trend per week' },
  'report.teams': { nl: 'Teams', en: 'Teams' },
  'report.links': { nl: 'Ketenpartners', en: 'Links' },
  'report.noLinks': {
    nl: 'Geen werk overgedragen aan ketenpartners in deze periode.', en: 'No work handed to links in this period.',
  },
  'report.customerLeadTime': { nl: 'doorlooptijd klant', en: 'customer lead time' },
  'report.queue': { nl: 'wachtrij', en: 'queue' },
  'report.work': { nl: 'werk', en: 'work' },
  'report.customerBar': {
    nl: 'Klant: registratie → levering (mediaan)', en: 'Customer: registration → fulfilment (median)',
  },

  // ---- the Services pages ----
  'services.title': { nl: 'Diensten', en: 'Services' },
  'services.new': { nl: 'Nieuwe dienst', en: 'New service' },
  'services.id': { nl: 'Id', en: 'Id' },
  'services.name': { nl: 'Naam', en: 'Name' },
  'services.version': { nl: 'Versie', en: 'Version' },
  'services.state': { nl: 'Staat', en: 'State' },
  'services.changedAt': { nl: 'Gewijzigd op', en: 'Changed at' },
  'services.changedBy': { nl: 'Gewijzigd door', en: 'Changed by' },
  'services.change': { nl: 'Wijziging', en: 'Change' },
  'services.empty': { nl: 'Nog geen diensten.', en: 'No services yet.' },
  'services.processKeys': { nl: 'Proces-keys', en: 'Process keys' },
  'services.noLinks': { nl: 'Deze dienst noemt geen ketenpartners.', en: 'This service names no links.' },
  'services.external': { nl: 'extern', en: 'external' },
  'services.internal': { nl: 'intern', en: 'internal' },
  'services.url': { nl: 'url: ', en: 'url: ' },
  'services.providerService': { nl: 'dienst bij de leverancier: ', en: 'provider service: ' },
  'services.account': { nl: 'account: ', en: 'account: ' },
  'services.passwordFromTitle': {
    nl: 'De omgevingsvariabele of property die het wachtwoord bevat',
    en: 'The environment variable or property that holds the password',
  },
  'services.passwordFrom': { nl: 'wachtwoord uit: ', en: 'password from: ' },
  'services.service': { nl: 'dienst: ', en: 'service: ' },
  'services.kind': { nl: 'Soort', en: 'Kind' },
  'services.callTypes': { nl: 'Soorten meldingen', en: 'Call types' },
  'services.handlingTimes': { nl: 'Afhandeltijden', en: 'Handling times' },
  'services.handlingTimesTitle': {
    nl: 'De afspraak met de ketenpartner: van overdracht tot levering, per soort melding en prioriteit',
    en: "The link's agreement: from hand-over to fulfilment, per call type and priority",
  },
  'services.valid': {
    nl: '✓ geldig: de definitie overtreedt geen enkele regel', en: '✓ valid: the definition breaks no rule',
  },
  'services.violation': { nl: '1 overtreding', en: '1 violation' },
  'services.violations': { nl: '{0} overtredingen', en: '{0} violations' },
  'services.notValid': { nl: 'is niet geldig', en: 'is not valid' },
  'services.back': { nl: '‹ Diensten', en: '‹ Services' },
  'services.serviceTitle': { nl: 'Dienst ', en: 'Service ' },
  'services.noId': { nl: 'Er staat geen id van een dienst in het adres.', en: 'No service id in the address.' },
  'services.editorLabel': { nl: 'Definitie van de dienst (YAML)', en: 'Service definition (YAML)' },
  'services.loadingDefinition': { nl: 'De definitie wordt geladen…', en: 'Loading the definition…' },
  'services.check': { nl: 'Controleren', en: 'Check' },
  'services.checkTitle': {
    nl: 'Controleer de tekst tegen alle regels; er wordt niets opgeslagen',
    en: 'Check the text against every rule; nothing is stored',
  },
  'services.preview': { nl: 'Voorbeeld', en: 'Preview' },
  'services.previewTitle': {
    nl: 'Toon de acht workflows die deze tekst zou krijgen; er wordt niets opgeslagen',
    en: 'Show the eight workflows this text would get; nothing is stored',
  },
  'services.deploy': { nl: 'In gebruik nemen', en: 'Deploy' },
  'services.deployNewVersion': { nl: 'Nieuwe versie in gebruik nemen', en: 'Deploy new version' },
  'services.retire': { nl: 'Buiten gebruik stellen', en: 'Retire' },
  'services.workflow': { nl: 'Workflow', en: 'Workflow' },
  'services.showDeployed': { nl: 'In gebruik tonen', en: 'Show deployed' },
  'services.previewHint': {
    nl: 'Voorbeeld toont hier de acht workflows die de tekst zou krijgen, voordat er iets in gebruik wordt genomen.',
    en: 'Preview shows here the eight workflows the text would get, before anything is deployed.',
  },
  'services.links': { nl: 'Ketenpartners (de keten)', en: 'Links (the chain)' },
  'services.history': { nl: 'Versiegeschiedenis', en: 'Version history' },
  'services.definition': { nl: 'Definitie (YAML)', en: 'Definition (YAML)' },
  'services.workflows': { nl: 'Workflows', en: 'Workflows' },
  'services.retiredNoVersions': {
    nl: 'Een dienst buiten gebruik krijgt geen nieuwe versies', en: 'A retired service gets no new versions',
  },
  'services.previewSource': {
    nl: 'Voorbeeld van de tekst in de editor: niet in gebruik', en: "Preview of the editor's text: not deployed",
  },
  'services.previewSourceChanged': {
    nl: 'Voorbeeld van de tekst in de editor (inmiddels gewijzigd): niet in gebruik',
    en: "Preview of the editor's text (changed since): not deployed",
  },
  'services.deployedVersion': { nl: 'Versie {0} in gebruik', en: 'Deployed version {0}' },
  'services.deployed': { nl: 'In gebruik genomen', en: 'Deployed' },
  'services.checkFailed': { nl: 'Controle: {0}', en: 'Check: {0}' },
  'services.generating': { nl: 'De acht workflows worden gemaakt…', en: 'Generating the eight workflows…' },
  'services.previewFailed': { nl: 'Voorbeeld: {0}', en: 'Preview: {0}' },
  'services.deploying': { nl: 'Bezig met in gebruik nemen…', en: 'Deploying…' },
  'services.deployFailed': { nl: 'In gebruik nemen: {0}', en: 'Deploy: {0}' },
  'services.retired': { nl: 'Buiten gebruik gesteld (versie {0})', en: 'Retired (version {0})' },
  'services.retireFailed': { nl: 'Buiten gebruik stellen: {0}', en: 'Retire: {0}' },
  'services.retireDialog': { nl: 'De dienst buiten gebruik stellen', en: 'Retire the service' },
  'services.cancel': { nl: 'Annuleren', en: 'Cancel' },
  'services.retireQuestion': {
    nl: "De dienst '{0}' buiten gebruik stellen? Nieuwe meldingen ervoor worden geweigerd; lopende meldingen worden "
      + 'afgemaakt op hun versie. Een dienst buiten gebruik krijgt geen nieuwe versies.',
    en: "Retire the service '{0}'? New calls for it are refused; running calls finish on their version. A retired "
      + 'service gets no new versions.',
  },
  'services.definitionFailed': { nl: 'Definitie: {0}', en: 'Definition: {0}' },
};

/** The text of the key in the page's language with its {0}, {1}, … filled in; an unknown key is a bug. */
export function t(key, ...values) {
  const texts = TEXTS[key];
  if (!texts) throw new Error(`no text '${key}'`);
  return pick(texts, language()).replace(/\{(\d+)\}/g, (all, i) => (i < values.length ? String(values[i]) : all));
}

/** The words of a code (`callStatus`, 'in progress'): "in behandeling"; a code without words as given. */
function words(kind, code) {
  if (code === null || code === undefined || code === '') return code;
  const key = `${kind}.${code}`;
  return key in TEXTS ? t(key) : String(code);
}

/** A call's status in words ("in behandeling"). */
export const callStatus = (status) => words('callStatus', status);
/** A linked call's status in words ("aangevraagd"). */
export const linkStatus = (status) => words('linkStatus', String(status ?? '').toLowerCase() || status);
/** A call type in words ("serviceverzoek"). */
export const callType = (type) => words('callType', type);
/** A delivery's state in words. */
export const deliveryState = (state) => words('delivery', state);
/** A service's state in words ("buiten gebruik"). */
export const serviceState = (state) => words('serviceState', String(state ?? '').toLowerCase() || state);
/** The kind of a trail entry in words ("stap afgerond"). */
export const trailKind = (kind) => words('trailKind', kind);
/** A process instance's state in words ("loopt"). */
export const instanceState = (state) => words('instanceState', state);
