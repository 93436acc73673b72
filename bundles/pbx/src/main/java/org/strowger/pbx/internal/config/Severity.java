package org.strowger.pbx.internal.config;

/** How bad a {@link Diagnostic} is: an error stops the dialplan from loading, a warning does not. */
public enum Severity {
    ERROR,
    WARNING
}
