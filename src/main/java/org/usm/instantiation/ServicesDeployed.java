package org.usm.instantiation;

/** Published when every service's workflows are deployed, before the node reports ready. */
public record ServicesDeployed() {}
