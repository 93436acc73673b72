/**
 * The dialplan's extension points: register a {@link org.strowger.pbx.DialplanApplication} or a
 * {@link org.strowger.pbx.DialplanFunction} as an OSGi service and the dialplan can use it at once.
 *
 * <p>0.2.0: {@link org.strowger.pbx.ApplicationResult.Suspend}, for applications that wait without
 * holding a thread.
 * <p>0.3.0: {@link org.strowger.pbx.PromptPlayer}; {@link org.strowger.pbx.DialplanAdmin#exists} and
 * {@link org.strowger.pbx.DialplanAdmin#matchMore}, for features that collect an extension.
 * <p>0.4.0: {@link org.strowger.pbx.DialplanAdmin#applications} and
 * {@link org.strowger.pbx.DialplanAdmin#functions}, for the console's listings.
 */
@Export
@Version("0.4.0")
package org.strowger.pbx;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
