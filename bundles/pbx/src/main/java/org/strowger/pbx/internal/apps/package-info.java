/** The built-in dialplan applications, each a service like any a bundle may add. */
package org.strowger.pbx.internal.apps;
