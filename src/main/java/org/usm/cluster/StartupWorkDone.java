package org.usm.cluster;

/**
 * Published when a node has done its start-up work on the database (the services' workflows deployed,
 * the demo's history written): the node is ready, and the next node may start.
 */
public record StartupWorkDone() {}
