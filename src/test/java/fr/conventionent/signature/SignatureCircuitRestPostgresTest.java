package fr.conventionent.signature;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.conventionent.support.EmbeddedPostgres;

/** The same REST journey as {@link SignatureCircuitRestTest}, on PostgreSQL (production's database). */
class SignatureCircuitRestPostgresTest extends SignatureCircuitRestTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "convention_rest");
    }
}
