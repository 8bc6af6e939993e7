/**
 * The journal: entries kept in the broker's Redis, several journals side by side.
 *
 * <p>So far this package holds the entries only; the entity graph, the graph modules and the
 * importers are still to come.
 */
@Export
@Version("0.2.0")
package io.skein.journal;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
