package org.usm.model;

/** Where a step sits in the common frame every USM process follows (REFERENCE §2.2). */
public enum StepKind {
  ACCEPT,
  CLASSIFY,
  CORE,
  FORK,
  REVIEW,
  REGISTER,
  EVALUATE
}
