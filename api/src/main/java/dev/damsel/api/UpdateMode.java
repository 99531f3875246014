package dev.damsel.api;

/** How a relaxation step updates units. */
public enum UpdateMode {
    /** Every masked unit at once, from the same previous state. */
    SYNCHRONOUS,
    /** One masked unit at a time in a seeded random order, each seeing the updates before it (Krotov &amp; Hopfield 2016, Eq. 4). */
    ASYNCHRONOUS
}
