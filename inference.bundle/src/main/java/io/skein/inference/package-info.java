/**
 * The model that reads entries: {@link io.skein.inference.InferenceService} extracts the people,
 * places, organisations and activities of a text, and keeps its model loaded only while there is
 * runnable work for it.
 */
@Export
@Version("1.0.0")
package io.skein.inference;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
