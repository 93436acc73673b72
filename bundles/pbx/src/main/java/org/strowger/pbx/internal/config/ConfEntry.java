package org.strowger.pbx.internal.config;

/** One {@code key = value} or {@code key => value} line, comments removed, {@code +=} already applied. */
record ConfEntry(String key, String value, SourceLocation at) {
}
