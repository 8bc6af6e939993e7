/**
 * The terminal UI. Not built yet: this bundle is an empty shell.
 */
package io.skein.tui;
