/** The built-in dialplan functions, each a service like any a bundle may add. */
package org.strowger.pbx.internal.functions;
