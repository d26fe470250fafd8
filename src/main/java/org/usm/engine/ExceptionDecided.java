package org.usm.engine;

import org.usm.audit.AuditEvent;

/**
 * An administrator decided an exception on a call outside its workflow (cancelled, modified or migrated
 * it), published once the intervention is done, so that it is evaluated as a finding for Improve: nobody
 * legitimises an exception on their own (book l.3323), and one that recurs means the design is wrong
 * (l.2556–2560).
 */
public record ExceptionDecided(AuditEvent intervention) {}
