/**
 * The one Redis that holds all of Skein's state, and the Lettuce connections to it.
 *
 * <p>Exactly one {@link io.skein.broker.BrokerService} exists per host. Bundles never start, stop or
 * configure Redis themselves and never create Lettuce clients: they take connections from the broker.
 */
@Export
@Version("1.0.0")
package io.skein.broker;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
