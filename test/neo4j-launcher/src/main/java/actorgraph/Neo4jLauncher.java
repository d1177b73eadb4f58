package actorgraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j 5 Community in this JVM with Bolt on 127.0.0.1:PORT, authentication off and a
 * throwaway data directory, prints READY, and shuts down cleanly (deleting the data) on SIGTERM or
 * Ctrl-C. LOAD CSV may read files under the temp folder. Usage: java -cp ... actorgraph.Neo4jLauncher [port]
 */
public final class Neo4jLauncher {
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 7687;
    Path home = Files.createTempDirectory("actorgraph-neo4j-");
    DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
        // LOAD CSV reads file:/// URLs under the temp folder (the export tests put CSV there).
        .setConfig(GraphDatabaseSettings.load_csv_file_url_root, Path.of(System.getProperty("java.io.tmpdir")))
        // Read CSV quotes as neo4j-admin import does (RFC 4180: "" inside quotes, no backslash escape).
        .setConfig(GraphDatabaseSettings.csv_legacy_quote_escaping, false)
        // No wait for Bolt connections and jobs to finish on shutdown: the data is thrown away, and
        // the waits made every stop take ~12 s (~3 s without them), once per test run.
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ZERO)
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ZERO)
        .build();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping Neo4j");
      service.shutdown();
      deleteQuietly(home);
    }));
    System.out.println("READY bolt://127.0.0.1:" + port + " (Neo4j Community, data in " + home + ")");
    System.out.flush();
    Thread.currentThread().join();
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp folder is harmless
    }
  }
}
