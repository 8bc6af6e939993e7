/**
 * Journal entries, the entity graph, importers and the pipeline that runs graph modules for each
 * saved entry. Not built yet: this bundle is an empty shell.
 */
package io.skein.journal;
