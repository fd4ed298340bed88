package fr.conventionent.convention;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.conventionent.identity.SchoolDirectory;

/**
 * At start-up, after {@link ConventionRecordBackfill}: the conventions of the communes whose schools the referential
 * lists (shared between circonscriptions), and those that have no circonscription yet, get theirs from their schools
 * (migration V12 gave every earlier convention its commune's one). Cheap and idempotent: the other conventions are
 * left alone, and a later start rewrites nothing.
 */
@Component
@Order(4)
public class ConventionCirconscriptionsUpgrade implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ConventionCirconscriptionsUpgrade.class);

    private final JdbcTemplate jdbc;
    private final SchoolDirectory schools;
    private final ConventionCirconscriptions circonscriptions;
    private final TransactionTemplate transaction;

    public ConventionCirconscriptionsUpgrade(JdbcTemplate jdbc, SchoolDirectory schools,
                                             ConventionCirconscriptions circonscriptions,
                                             PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.schools = schools;
        this.circonscriptions = circonscriptions;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> shared = List.copyOf(schools.communesWithListedSchools());
        String sharedCondition = shared.isEmpty() ? ""
                : " or c.commune_insee in (" + String.join(", ", java.util.Collections.nCopies(shared.size(), "?")) + ")";
        List<String> numeros = jdbc.queryForList("select c.numero from convention c where not exists"
                + " (select 1 from circonscription_convention cc where cc.numero = c.numero)" + sharedCondition,
                String.class, shared.toArray());
        for (String numero : numeros) {
            transaction.executeWithoutResult(status -> circonscriptions.refresh(numero));
        }
        if (!numeros.isEmpty()) {
            LOG.info("Circonscriptions des conventions : {} convention(s) relue(s) d'après leurs écoles",
                    numeros.size());
        }
    }
}
