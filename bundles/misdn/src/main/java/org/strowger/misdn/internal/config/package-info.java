/** The mISDN driver's configuration: the metatype, its checked form, the ports syntax and dial strings. */
package org.strowger.misdn.internal.config;
