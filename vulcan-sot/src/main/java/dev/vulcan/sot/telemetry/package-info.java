/**
 * Telemetry pings in the source of truth (issue 8): {@link dev.vulcan.sot.telemetry.PingStore} lands the
 * {@code pings.jsonl} of a fleet batch ({@code https://vulcan.dev/schemas/telemetry-ping/v3.json}) in DuckDB and
 * defines the analysis views named by {@link dev.vulcan.sot.telemetry.PingView}.
 *
 * <p>Why not a {@code RunImporter} adapter: a ping is not a tool artifact (no envelope, no {@code metadata.json},
 * no run/repo/commit of a collection run), and a fleet's pings belong to many repositories. The store is a second,
 * separate entry point of the same module, so vulcan-sot stays the only DuckDB writer. Tables are {@code tel_*}
 * ({@code tables.sql}), views in {@code views.sql} (both under {@code dev/vulcan/sot/telemetry/}); every view counts
 * the latest non-failed ping of each {@code repo_hash} ({@code tel_analyzed_repos}). Bench:
 * {@code vulcan-sot/bench/telemetry-ping-bench.sh [pings]}.
 */
package dev.vulcan.sot.telemetry;
