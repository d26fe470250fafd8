package org.usm.language;

import java.util.Arrays;
import java.util.List;

/**
 * A text with its parts filled in, readable in every language: a {@link Phrase} and its parts, each part
 * that is itself a {@code Phrase} or {@code Words} put in the same language (a refusal's reason, an
 * exit's meaning). Other parts (ids, keys, values) read the same in every language.
 */
public record Words(Phrase phrase, List<Object> parts) {

  private static final Phrase AS_GIVEN = new Phrase("%s", "%s");

  public static Words of(Phrase phrase, Object... parts) {
    return new Words(phrase, Arrays.asList(parts));
  }

  /** A text that reads the same in every language: what only designers and administrators read (English). */
  public static Words asGiven(String text) {
    return of(AS_GIVEN, text);
  }

  public String in(Language language) {
    return phrase.in(language, parts.stream().map(part -> part instanceof Phrase p ? p.in(language)
        : part instanceof Words w ? w.in(language) : part).toArray());
  }
}
