package org.usm.language;

import java.util.Objects;

/**
 * One text users read, declared in every language the product speaks at once, so that a text without its
 * translation does not compile. Placeholders are {@link String#formatted} ones ({@code %s}).
 */
public record Phrase(String en, String nl) {

  public Phrase {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(nl, "nl");
    if (en.isBlank() || nl.isBlank()) {
      throw new IllegalArgumentException("a phrase has a text in every language: en='" + en + "', nl='" + nl + "'");
    }
  }

  public String in(Language language) {
    return language == Language.NL ? nl : en;
  }

  /** The text in the language with its placeholders filled. */
  public String in(Language language, Object... arguments) {
    return in(language).formatted(arguments);
  }
}
