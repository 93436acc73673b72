/** The dialplan run loop, compiled steps, the call scope, and the application and function registry. */
package org.strowger.pbx.internal.engine;
