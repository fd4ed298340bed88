package fr.conventionent.convention;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.conventionent.support.EmbeddedPostgres;

/** The convention record and its upgrade from variables on PostgreSQL, with the schema Flyway creates (V1–V7). */
@ActiveProfiles(value = {"postgres", "test"}, inheritProfiles = false)
class ConventionRecordsPostgresTest extends ConventionRecordsTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "convention_records");
    }
}
