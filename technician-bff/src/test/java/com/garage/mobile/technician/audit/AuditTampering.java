package com.garage.mobile.technician.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Changes the trail as someone with the database's owner rights would: switches off the
 * append-only trigger for one statement, in one transaction. What the chain shows is tampering
 * after an entry was chained, so every pending entry is chained first (an entry changed before
 * that is the window docs/security.md names).
 */
final class AuditTampering {

    private AuditTampering() {
    }

    static void tamper(DataSource dataSource, String statement, Object... params) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement chain = connection.createStatement()) {
                chain.execute("select audit_chain_all()");
            }
            connection.setAutoCommit(false);
            try (Statement ddl = connection.createStatement();
                    PreparedStatement change = connection.prepareStatement(statement)) {
                ddl.execute("alter table audit_entry disable trigger audit_entry_append_only");
                for (int i = 0; i < params.length; i++) {
                    change.setObject(i + 1, params[i]);
                }
                change.executeUpdate();
                ddl.execute("alter table audit_entry enable trigger audit_entry_append_only");
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
