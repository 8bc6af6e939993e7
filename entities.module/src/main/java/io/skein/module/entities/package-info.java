/**
 * The entities graph module: extracts an entry's people, places, organisations and activities
 * through the InferenceService and resolves them against the journal's known entities.
 */
package io.skein.module.entities;
