package fr.conventionent.registry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Columns to write to one row of {@code registre_convention}; later values of a transaction replace earlier ones.
 * Only a change that carries the convention's own data ({@code insertable}) may create the row: a circuit step of an
 * avenant (whose root is not a convention) then changes nothing.
 */
final class RegistryRowUpdate {

    private final Map<String, Object> columns = new LinkedHashMap<>();
    private boolean insertable;
    private boolean deleted;

    void set(String column, Object value) {
        columns.put(column, value);
    }

    void setAll(Map<String, Object> values) {
        columns.putAll(values);
        insertable = true;
    }

    Map<String, Object> columns() {
        return columns;
    }

    /** The convention was cancelled (instance deleted): its row goes. */
    void delete() {
        deleted = true;
    }

    boolean deleted() {
        return deleted;
    }

    boolean insertable() {
        return insertable;
    }
}
