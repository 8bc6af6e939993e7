/**
 * The model that extracts people, places, organisations and activities from entries, loaded only
 * while runnable work exists. Not built yet: this bundle is an empty shell.
 */
package io.skein.inference;
