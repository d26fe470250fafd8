package org.usm.language;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the product speaks (DESIGN §14): a service's task names, forms, filters and the refusals its
 * users read follow the language of its definition; keys, step codes, ids and rule ids never change.
 */
public enum Language {
  NL("nl", Locale.forLanguageTag("nl-NL")),
  EN("en", Locale.forLanguageTag("en-GB"));

  /** The language of a service that names none. */
  public static final Language DEFAULT = EN;

  private final String code;
  private final Locale locale;

  Language(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  /** {@code nl}, {@code en}: as a service definition names it. */
  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  public static Optional<Language> of(String code) {
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }

  /** The codes, for messages: {@code nl, en}. */
  public static String codes() {
    return String.join(", ", Arrays.stream(values()).map(Language::code).toList());
  }
}
