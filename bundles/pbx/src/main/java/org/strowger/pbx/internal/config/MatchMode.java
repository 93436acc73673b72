package org.strowger.pbx.internal.config;

/** The three questions a dialplan lookup can ask about a dialed string. */
enum MatchMode {
    /** The whole string matches. */
    EXISTS,
    /** The string matches, or is the beginning of something that would. */
    CANMATCH,
    /** More digits could still make a match; a {@code !} pattern that is reached answers no. */
    MATCHMORE
}
