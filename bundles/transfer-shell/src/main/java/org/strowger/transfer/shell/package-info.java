/** Console commands of the transfer features (scope {@code transfer}). */
package org.strowger.transfer.shell;
