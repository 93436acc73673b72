/** The {@code Test} channel technology, private to this test bundle. */
package org.strowger.test.technology;
