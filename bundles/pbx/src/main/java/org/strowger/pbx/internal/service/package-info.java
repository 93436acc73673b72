/** The PBX's OSGi face: the inbound call handler, the dialplan loader, the registry's whiteboard. */
package org.strowger.pbx.internal.service;
