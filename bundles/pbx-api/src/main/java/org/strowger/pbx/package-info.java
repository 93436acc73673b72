/**
 * The dialplan's extension points: register a {@link org.strowger.pbx.DialplanApplication} or a
 * {@link org.strowger.pbx.DialplanFunction} as an OSGi service and the dialplan can use it at once.
 */
@Export
@Version("0.1.0")
package org.strowger.pbx;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
