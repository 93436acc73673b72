/**
 * An example bundle that extends the dialplan: the application {@code Hello} and the function
 * {@code REVERSE}, each a Declarative Services component registered under its name property.
 * Private: nothing here is exported; the dialplan finds both through the service registry.
 */
package org.strowger.examples.hello;
