package org.usm.intake;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.usm.model.CallType;

/** A call's tracking number, {@code <PREFIX>-<year>-<six-digit sequence>}, for example INC-2026-000042. */
public record TrackingNumber(CallType type, int year, int sequence) {

  private static final Pattern FORMAT = Pattern.compile("([A-Z]{3})-(\\d{4})-(\\d{6,})");

  public static boolean isWellFormed(String text) {
    Matcher m = FORMAT.matcher(text);
    return m.matches() && CallType.fromTrackingPrefix(m.group(1)).isPresent();
  }

  @Override
  public String toString() {
    return String.format("%s-%04d-%06d", type.trackingPrefix(), year, sequence);
  }
}
