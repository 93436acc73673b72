/** The test technology's implementation. */
package org.strowger.test.technology.internal;
