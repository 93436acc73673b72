/**
 * Console commands of the transfer features (scope {@code transfer}): {@code transfer:parked},
 * {@code transfer:stats}, {@code transfer:features}.
 */
package org.strowger.transfer.shell;
