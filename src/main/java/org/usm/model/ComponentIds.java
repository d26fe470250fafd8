package org.usm.model;

import java.util.Arrays;
import java.util.List;

/** A list of managed component ids as users write it in a form: separated by commas or new lines. */
public final class ComponentIds {

  private ComponentIds() {}

  public static List<String> parse(Object text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.toString().split("[\\n,]")).map(String::strip).filter(id -> !id.isEmpty()).distinct()
        .toList();
  }
}
