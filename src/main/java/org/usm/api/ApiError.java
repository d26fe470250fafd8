package org.usm.api;

/** The body of every refusal of the product's API: what is wrong, and the field at fault. */
public record ApiError(String error, String field) {}
