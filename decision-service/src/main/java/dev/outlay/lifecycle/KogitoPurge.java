package dev.outlay.lifecycle;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes a tenant's rows from Kogito's own tables in schema public (process instances, user tasks and their
 * child rows, timer jobs). Those tables carry no tenant: the tenant's process instances are the ones its spend
 * requests and policy violations link to, its tasks the ones whose metadata names such an instance (or that its
 * inbox completed), its jobs the ones whose recipient names an instance or a task. Runs on the purge's
 * connection, before the outlay rows that hold these links are deleted.
 */
final class KogitoPurge {

    private KogitoPurge() {
    }

    static void purge(Connection c, String tenant, Map<String, Long> counts) throws SQLException {
        List<String> processes = strings(c, """
                SELECT process_instance_id FROM outlay.spend_request WHERE tenant_id = ? AND process_instance_id IS NOT NULL
                UNION SELECT process_instance_id FROM outlay.policy_violation WHERE tenant_id = ? AND process_instance_id IS NOT NULL""", tenant, tenant);
        Set<String> tasks = new LinkedHashSet<>(strings(c, "SELECT task_id FROM outlay.approval_task WHERE tenant_id = ?", tenant));
        if (exists(c, "jbpm_user_tasks_metadata") && !processes.isEmpty()) {
            // Metadata values are stored JSON-encoded (a string keeps its quotes).
            tasks.addAll(strings(c, "SELECT task_id FROM public.jbpm_user_tasks_metadata WHERE metadata_name = 'ProcessInstanceId' "
                    + "AND btrim(metadata_value, '\"') = ANY (?)", array(c, processes)));
        }
        if (processes.isEmpty() && tasks.isEmpty()) return;

        if (exists(c, "job_details")) {
            // Jobs name their target in the recipient (the callback URL and payload carry instance and task ids, all UUIDs).
            List<String> patterns = new ArrayList<>();
            for (String id : processes) patterns.add("%" + id + "%");
            for (String id : tasks) patterns.add("%" + id + "%");
            delete(c, counts, "job_details", "recipient::text LIKE ANY (?)", patterns);
        }
        if (!tasks.isEmpty() && exists(c, "jbpm_user_tasks")) {
            List<String> taskIds = new ArrayList<>(tasks);
            // Child tables cascade from jbpm_user_tasks in KIE's schema; deleting them explicitly keeps the counts honest.
            for (String child : strings(c, """
                    SELECT cl.relname FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                    WHERE n.nspname = 'public' AND cl.relkind = 'r' AND cl.relname LIKE 'jbpm\\_user\\_tasks\\_%'
                      AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = cl.oid AND a.attname = 'task_id' AND NOT a.attisdropped)
                    ORDER BY cl.relname""")) {
                delete(c, counts, child, "task_id = ANY (?)", taskIds);
            }
            delete(c, counts, "jbpm_user_tasks", "id = ANY (?)", taskIds);
        }
        if (!processes.isEmpty()) {
            if (exists(c, "correlation_instances")) delete(c, counts, "correlation_instances", "correlated_id = ANY (?)", processes);
            if (exists(c, "business_key_mapping")) delete(c, counts, "business_key_mapping", "process_instance_id = ANY (?)", processes);
            if (exists(c, "process_instances")) delete(c, counts, "process_instances", "id = ANY (?)", processes);
        }
    }

    private static void delete(Connection c, Map<String, Long> counts, String table, String where, List<String> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM public." + table + " WHERE " + where)) {
            ps.setArray(1, array(c, values));
            counts.merge("public." + table, (long) ps.executeUpdate(), Long::sum);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        return !strings(c, "SELECT to_regclass(?)::text WHERE to_regclass(?) IS NOT NULL", "public." + table, "public." + table).isEmpty();
    }

    private static Array array(Connection c, List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1).trim());
            }
        }
        return out;
    }
}
