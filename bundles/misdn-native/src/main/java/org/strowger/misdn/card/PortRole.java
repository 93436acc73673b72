package org.strowger.misdn.card;

/** The side of the D-channel a port plays: the user's terminal (TE) or the network (NT). */
public enum PortRole { TE, NT }
