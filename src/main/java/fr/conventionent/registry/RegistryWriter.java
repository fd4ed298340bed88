package fr.conventionent.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the registry's rows in the transaction that changed the conventions, just before it commits: a convention
 * and its registry row are committed, or rolled back, together. One write per convention and transaction, however
 * many variables changed.
 */
@Component
public class RegistryWriter {

    private static final Object PENDING = new Object();

    private final JdbcTemplate jdbc;

    public RegistryWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies {@code change} to the pending update of the row of {@code processInstanceId}, written when the
     * transaction commits (at once when there is no transaction, which the engine never does).
     */
    void update(String processInstanceId, java.util.function.Consumer<RegistryRowUpdate> change) {
        update(new RowKey("process_instance_id", processInstanceId), change);
    }

    /** Same, for the row of the convention numbered {@code numero} (never creates it). */
    void updateByNumero(String numero, Map<String, Object> columns) {
        update(new RowKey("numero", numero), row -> columns.forEach(row::set));
    }

    private void update(RowKey key, java.util.function.Consumer<RegistryRowUpdate> change) {
        if (key.value() == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            RegistryRowUpdate update = new RegistryRowUpdate();
            change.accept(update);
            write(key, update);
            return;
        }
        change.accept(pendingUpdates().computeIfAbsent(key, id -> new RegistryRowUpdate()));
    }

    private record RowKey(String column, String value) {
    }

    private Map<RowKey, RegistryRowUpdate> pendingUpdates() {
        @SuppressWarnings("unchecked")
        Map<RowKey, RegistryRowUpdate> pending = (Map<RowKey, RegistryRowUpdate>) TransactionSynchronizationManager
                .getResource(PENDING);
        if (pending != null) {
            return pending;
        }
        Map<RowKey, RegistryRowUpdate> updates = new LinkedHashMap<>();
        TransactionSynchronizationManager.bindResource(PENDING, updates);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                updates.forEach(RegistryWriter.this::write);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
            }
        });
        return updates;
    }

    private void write(RowKey key, RegistryRowUpdate update) {
        if (update.deleted()) {
            jdbc.update("DELETE FROM registre_convention WHERE " + key.column() + " = ?", key.value());
            return;
        }
        if (update.columns().isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>(update.columns().values());
        values.add(key.value());
        String assignments = String.join(" = ?, ", update.columns().keySet()) + " = ?";
        int updated = jdbc.update("UPDATE registre_convention SET " + assignments + " WHERE " + key.column() + " = ?",
                values.toArray());
        if (updated == 0 && update.insertable()) {
            update.set("cree_le", org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
            values = new ArrayList<>(update.columns().values());
            values.add(key.value());
            String names = String.join(", ", update.columns().keySet());
            String marks = "?, ".repeat(update.columns().size());
            jdbc.update("INSERT INTO registre_convention (" + names + ", " + key.column() + ") VALUES (" + marks + "?)",
                    values.toArray());
        }
    }
}
