/** Console commands of the mISDN driver (scope {@code misdn}). */
package org.strowger.misdn.shell;
