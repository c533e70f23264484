package dev.vulcan.tool.agents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vulcan.tool.agents.Capability;
import dev.vulcan.tool.agents.Exposure;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {

    @Test
    void cataloged_builtins_have_fixed_capabilities_and_stores() {
        assertThat(Capabilities.builtin("SerperDevTool").capabilities()).containsExactly(Capability.OUTBOUND);
        assertThat(Capabilities.builtin("SerperDevTool").calls()).containsExactly("web_search");
        assertThat(Capabilities.builtin("FileReadTool").readsFrom()).containsExactly("filesystem");
        assertThat(Capabilities.builtin("FileWriterTool").writesTo()).containsExactly("filesystem");
        assertThat(Capabilities.builtin("PythonREPLTool").capabilities()).containsExactly(Capability.CODE_EXEC);
        assertThat(Capabilities.builtin("NoSuchTool")).isNull();
    }

    @Test
    void body_calls_decide_over_the_name() {
        var p = Capabilities.fromBody("search_docs", List.of("chromadb.Client"), List.of());
        assertThat(p.capabilities()).containsExactly(Capability.DATA_ACCESS);
        assertThat(p.readsFrom()).containsExactly("vector_store");
    }

    @Test
    void body_classifies_each_capability() {
        assertThat(Capabilities.fromBody("t", List.of("requests.post"), List.of()).capabilities())
                .containsExactly(Capability.OUTBOUND);
        assertThat(Capabilities.fromBody("t", List.of("subprocess.run"), List.of()).capabilities())
                .containsExactly(Capability.CODE_EXEC);
        assertThat(Capabilities.fromBody("t", List.of("shutil.rmtree"), List.of()).capabilities())
                .containsExactly(Capability.DESTRUCTIVE);
        assertThat(Capabilities.fromBody("t", List.of("stripe.Charge.create"), List.of()).capabilities())
                .containsExactly(Capability.FINANCIAL);
        var sql = Capabilities.fromBody("t", List.of(), List.of("DELETE FROM users WHERE id = ?"));
        assertThat(sql.capabilities()).containsExactly(Capability.DESTRUCTIVE);
        assertThat(sql.writesTo()).containsExactly("sql_database");
    }

    @Test
    void body_evidence_of_a_store_beats_a_search_token_in_the_name() {
        var p = Capabilities.fromBody("Knowledge Base Search",
                List.of("_client.get_or_create_collection", "chromadb.PersistentClient.get_or_create_collection.query"),
                List.of("kb"));
        assertThat(p.capabilities()).containsExactly(Capability.DATA_ACCESS);
        assertThat(p.readsFrom()).containsExactly("vector_store");
        assertThat(p.calls()).isEmpty();
        assertThat(Capabilities.fromBody("Knowledge Base Search", List.of("backend.run"), List.of()).calls())
                .containsExactly("web_search");
    }

    @Test
    void the_requests_toolkit_and_http_named_tools_are_generic_http_clients() {
        for (String t : List.of("RequestsGetTool", "RequestsPostTool", "RequestsPutTool", "RequestsPatchTool",
                "RequestsDeleteTool", "RequestsToolkit")) {
            assertThat(Capabilities.builtin(t).capabilities()).as(t).containsExactly(Capability.OUTBOUND);
            assertThat(Capabilities.builtin(t).calls()).as(t).containsExactly("http");
        }
        assertThat(Capabilities.fromName("requests_get").calls()).containsExactly("http");
        assertThat(Capabilities.fromName("http_fetch").calls()).containsExactly("http");
        assertThat(Capabilities.fromName("ScrapeWebsiteTool").calls()).containsExactly("web");
        assertThat(Capabilities.builtin("TavilySearchResults").calls()).containsExactly("web_search");
    }

    @Test
    void a_body_without_evidence_falls_back_to_the_name() {
        assertThat(Capabilities.fromBody("transfer_funds", List.of("print"), List.of("ok")).capabilities())
                .containsExactly(Capability.FINANCIAL);
        assertThat(Capabilities.fromName("WebScraper").capabilities()).containsExactly(Capability.OUTBOUND);
        assertThat(Capabilities.fromName("delete_customer_records").capabilities())
                .contains(Capability.DESTRUCTIVE, Capability.DATA_ACCESS);
        assertThat(Capabilities.fromName("calculator").capabilities()).isEmpty();
        assertThat(Capabilities.fromName("serpapi").calls()).containsExactly("web_search");
        assertThat(Capabilities.fromName("terminal").capabilities()).containsExactly(Capability.CODE_EXEC);
    }

    @Test
    void a_generic_verb_names_a_service_only_when_no_token_names_a_specific_one() {
        assertThat(Capabilities.fromName("post_to_teams").calls()).containsExactly("chat");
        assertThat(Capabilities.fromName("send_email").calls()).containsExactly("email");
        assertThat(Capabilities.fromName("post_update").calls()).containsExactly("external_api");
    }

    @Test
    void a_database_driver_reads_unless_every_sql_literal_of_the_body_deletes_or_updates() {
        var delete = Capabilities.fromBody("cancel", List.of("sqlite3.connect"), List.of("DELETE FROM b WHERE id = ?"));
        assertThat(delete.capabilities()).containsExactly(Capability.DESTRUCTIVE);
        assertThat(delete.readsFrom()).isEmpty();
        assertThat(delete.writesTo()).containsExactly("sql_database");
        var dynamic = Capabilities.fromBody("run_query", List.of("sqlite3.connect"), List.of());
        assertThat(dynamic.capabilities()).containsExactly(Capability.DATA_ACCESS);
        assertThat(dynamic.readsFrom()).containsExactly("sql_database");
        var both = Capabilities.fromBody("archive", List.of("psycopg.connect"),
                List.of("SELECT id FROM b", "DELETE FROM b WHERE id = %s"));
        assertThat(both.capabilities()).containsExactlyInAnyOrder(Capability.DATA_ACCESS, Capability.DESTRUCTIVE);
        assertThat(both.readsFrom()).containsExactly("sql_database");
    }

    @Test
    void exposure_is_external_only_for_outbound_and_financial() {
        assertThat(Capability.OUTBOUND.exposure()).isEqualTo(Exposure.EXTERNAL);
        assertThat(Capability.FINANCIAL.exposure()).isEqualTo(Exposure.EXTERNAL);
        assertThat(Capability.DATA_ACCESS.exposure()).isEqualTo(Exposure.INTERNAL);
        assertThat(Capability.CODE_EXEC.exposure()).isEqualTo(Exposure.INTERNAL);
        assertThat(Capability.DESTRUCTIVE.exposure()).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void names_split_into_tokens_at_case_and_separators() {
        assertThat(Capabilities.tokens("SQLDatabaseToolkit")).containsExactly("sql", "database", "toolkit");
        assertThat(Capabilities.tokens("Customer DB-Reader_v2")).containsExactly("customer", "db", "reader", "v");
    }

    @Test
    void an_insert_after_a_select_reads_and_writes_the_database_without_being_destructive() {
        var p = Capabilities.fromBody("save_row", List.of("psycopg.connect", "psycopg.connect.cursor.execute"),
                List.of("SELECT id FROM findings WHERE company = %s",
                        "INSERT INTO findings (company, summary) VALUES (%s, %s) RETURNING id"));
        assertThat(p.capabilities()).containsExactly(Capability.DATA_ACCESS);
        assertThat(p.readsFrom()).containsExactly("sql_database");
        assertThat(p.writesTo()).containsExactly("sql_database");
        var upsert = Capabilities.fromBody("t", List.of("sqlite3.connect"),
                List.of("INSERT OR REPLACE INTO kv (k, v) VALUES (?, ?)"));
        assertThat(upsert.writesTo()).containsExactly("sql_database");
        assertThat(upsert.capabilities()).doesNotContain(Capability.DESTRUCTIVE);
    }

    @Test
    void a_delete_only_object_store_call_writes_without_reading() {
        var p = Capabilities.fromBody("purge", List.of("s3.delete_objects", "boto3.client.delete_objects",
                "boto3.client.delete_objects.get"), List.of("Errors"));
        assertThat(p.capabilities()).containsExactly(Capability.DESTRUCTIVE);
        assertThat(p.writesTo()).containsExactly("object_storage");
        assertThat(p.readsFrom()).isEmpty();
        var both = Capabilities.fromBody("move", List.of("boto3.client", "boto3.client.list_objects_v2",
                "boto3.client.delete_object"), List.of());
        assertThat(both.readsFrom()).containsExactly("object_storage");
        assertThat(both.writesTo()).containsExactly("object_storage");
        assertThat(Capabilities.fromBody("t", List.of("boto3.client"), List.of()).readsFrom())
                .containsExactly("object_storage");
    }
}
