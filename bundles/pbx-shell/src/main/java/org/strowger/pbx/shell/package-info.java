/** Console commands of the dialplan, scope {@code dialplan}. */
package org.strowger.pbx.shell;
