/**
 * Where Rapport keeps its data: an embedded PostgreSQL under {@code ./data/} unless
 * {@code RAPPORT_DB_URL} names a server.
 */
@NullMarked
@ApplicationModule(displayName = "Database")
package care.rapport.database;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
