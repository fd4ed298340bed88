package fr.conventionent.signature;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.conventionent.support.EmbeddedPostgres;

/**
 * The same REST journey as {@link SignatureCircuitRestTest}, on PostgreSQL with the production
 * profile ({@code postgres}, as docker-compose runs it), the test profile adding only demo users,
 * GreenMail and manual jobs.
 */
@ActiveProfiles(value = {"postgres", "test"}, inheritProfiles = false)
class SignatureCircuitRestPostgresTest extends SignatureCircuitRestTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry, "convention_rest");
    }
}
