package org.usm.trust;

import static org.usm.model.CallVariables.CALL_TYPE;
import static org.usm.model.CallVariables.CUSTOMER_ACCEPTED;
import static org.usm.model.CallVariables.CUSTOMER_COMMENT;
import static org.usm.model.CallVariables.CUSTOMER_VERDICT;
import static org.usm.model.CallVariables.ENTRY_PROCESS;
import static org.usm.model.CallVariables.FORK_OUTCOME;
import static org.usm.model.CallVariables.FULFILMENT_STATUS;
import static org.usm.model.CallVariables.LINKED_CALLS;
import static org.usm.model.CallVariables.MEASURE_TYPE;
import static org.usm.model.CallVariables.OPEN_STEPS;
import static org.usm.model.CallVariables.PATTERN;
import static org.usm.model.CallVariables.PRIORITY;
import static org.usm.model.CallVariables.PROCESS_OUTCOME;
import static org.usm.model.CallVariables.RECLASSIFY_AS;
import static org.usm.model.CallVariables.RECOVERY_ROUTE;
import static org.usm.model.CallVariables.REQUESTER;
import static org.usm.model.CallVariables.SERVICE_COMPONENTS;
import static org.usm.model.CallVariables.SERVICE_ID;
import static org.usm.model.CallVariables.SERVICE_NAME;
import static org.usm.model.CallVariables.SLA_BREACHED;
import static org.usm.model.CallVariables.SLA_DUE_DATE;
import static org.usm.model.CallVariables.SOURCE_CALL;
import static org.usm.model.CallVariables.SUMMARY;
import static org.usm.model.CallVariables.TRACKING_NUMBER;
import static org.usm.model.CallVariables.WORKFLOW_DEFINITION_ID;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.usm.language.Phrase;

/**
 * The one declaration of the variables the product owns (DESIGN §7, rule T1): the call's context set at
 * intake, what the product derives from it, and the routes once decided. No user sets, changes or
 * deletes them through any API; only the product's own code and the engine's mappings between the
 * processes of a call write them. A route is decided by completing its step with the route as a form
 * field, and by nothing else.
 */
public final class ProtectedVariables {

  private ProtectedVariables() {}

  /** Names the product uses for its own notes between listeners; every such name starts with this. */
  public static final String INTERNAL_PREFIX = "usm";

  /** Each protected variable and why it is the product's, in every language the product speaks. */
  public static final Map<String, Phrase> DECLARED = declared();

  private static Map<String, Phrase> declared() {
    Map<String, Phrase> declared = new LinkedHashMap<>();
    Phrase intake = new Phrase("set at intake and fixed for the life of the call",
        "vastgelegd bij de registratie en vast zolang de melding bestaat");
    Phrase binding = new Phrase(intake.en() + " (the service binding)", intake.nl() + " (de koppeling aan de dienst)");
    declared.put(TRACKING_NUMBER, intake);
    declared.put(CALL_TYPE, intake);
    declared.put(SERVICE_ID, binding);
    declared.put(SERVICE_NAME, binding);
    declared.put(WORKFLOW_DEFINITION_ID, new Phrase(intake.en() + " (the service binding: groups and SLA)",
        intake.nl() + " (de koppeling aan de dienst: groepen en SLA)"));
    declared.put(SUMMARY, intake);
    declared.put(REQUESTER, new Phrase(intake.en() + "; separation of duties applies to the requester",
        intake.nl() + "; de functiescheiding geldt voor de aanvrager"));
    declared.put(SOURCE_CALL, new Phrase("the link to the call that started this one",
        "de koppeling aan de melding waaruit deze is voortgekomen"));
    declared.put(PATTERN, new Phrase("the pattern the call follows, changed only by a route decision",
        "het patroon dat de melding volgt, alleen gewijzigd door een routebesluit"));
    declared.put(ENTRY_PROCESS, new Phrase("set by the product when a process of the call starts",
        "gezet door het product wanneer een proces van de melding start"));
    declared.put(PRIORITY, new Phrase("decided by the classify step's decision table",
        "bepaald door de beslistabel van de classificatiestap"));
    declared.put(SLA_DUE_DATE, new Phrase("registration plus the agreed handling time of the call's priority",
        "de registratie plus de afgesproken doorlooptijd bij de prioriteit van de melding"));
    declared.put(SLA_BREACHED, new Phrase("recorded by the product when the end-to-end SLA passes",
        "vastgelegd door het product wanneer de SLA van de hele melding verstrijkt"));
    declared.put(FULFILMENT_STATUS, new Phrase("set by the product when a review accepts the delivery (H10)",
        "gezet door het product wanneer een toetsing de oplevering accepteert (H10)"));
    declared.put(PROCESS_OUTCOME, new Phrase("set by the product where a process ends",
        "gezet door het product waar een proces eindigt"));
    declared.put(FORK_OUTCOME, new Phrase("handed back by the process a fork called",
        "teruggegeven door het proces dat een vertakking aanriep"));
    declared.put(RECOVERY_ROUTE, new Phrase("a route is decided by completing R4, and only there",
        "een route wordt besloten door R4 af te ronden, en alleen daar"));
    declared.put(MEASURE_TYPE, new Phrase("a route is decided by completing I4, and only there",
        "een route wordt besloten door I4 af te ronden, en alleen daar"));
    declared.put(RECLASSIFY_AS, new Phrase("a call is reclassified by completing the accept step of its entry process, "
        + "and only there: the call that goes on in its place is registered with it", "een melding wordt "
        + "geherclassificeerd door de aannamestap van haar startproces af te ronden, en alleen daar: de melding die in "
        + "haar plaats verdergaat, wordt daarmee geregistreerd"));
    declared.put(LINKED_CALLS, new Phrase("the product's record of the calls the step handed to links, as their "
        + "providers report them", "wat het product bijhoudt van de meldingen die de stap aan schakels in de keten "
        + "overdroeg, zoals hun leveranciers ze melden"));
    declared.put(OPEN_STEPS, new Phrase("the product's record of the call's open steps and their holders at the SLA "
        + "breach", "wat het product bijhoudt van de openstaande stappen van de melding en wie ze hadden bij de "
        + "SLA-overschrijding"));
    Phrase verdict = new Phrase("the customer's verdict: given by the call's requester over the call API only",
        "het oordeel van de aanvrager: alleen door de aanvrager van de melding gegeven via de meldingen-API");
    declared.put(CUSTOMER_ACCEPTED, verdict);
    declared.put(CUSTOMER_COMMENT, verdict);
    declared.put(CUSTOMER_VERDICT, verdict);
    declared.put(SERVICE_COMPONENTS, new Phrase("the managed infrastructure register's components of the service, "
        + "offered at C3; the change names the ones it modifies in '" + org.usm.model.CallVariables.CHANGED_COMPONENTS
        + "'", "de componenten van de dienst in het register van de beheerde infrastructuur, aangeboden bij C3; de "
        + "wijziging noemt de componenten die zij aanpast in '" + org.usm.model.CallVariables.CHANGED_COMPONENTS + "'"));
    return Map.copyOf(declared);
  }

  public static boolean isProtected(String name) {
    return name != null && (DECLARED.containsKey(name) || name.startsWith(INTERNAL_PREFIX));
  }

  /** The first protected name among those given, in their order. */
  public static Optional<String> firstProtected(Collection<String> names) {
    return names.stream().filter(ProtectedVariables::isProtected).findFirst();
  }

  private static final Phrase INTERNAL = new Phrase("the product's own note between its rules",
      "een eigen notitie van het product tussen zijn regels");

  /** Why the variable is the product's, for the refusal a user reads. */
  public static Phrase why(String name) {
    return DECLARED.getOrDefault(name, INTERNAL);
  }
}
