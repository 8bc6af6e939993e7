package io.skein.inference;

/** The kinds of entity Skein extracts. */
public enum EntityType {
    PERSON,
    PLACE,
    ORGANIZATION,
    ACTIVITY
}
