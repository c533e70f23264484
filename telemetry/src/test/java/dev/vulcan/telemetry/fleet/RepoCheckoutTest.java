package dev.vulcan.telemetry.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.telemetry.FailureReason;
import dev.vulcan.telemetry.RepoIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RepoCheckoutTest {

    @Test
    void clones_a_url_target_shallowly(@TempDir Path tmp) throws Exception {
        Path origin = Path.of(FleetFixtures.repos(tmp.resolve("origin"), List.of("crewai_python")).get(0).input());
        RepoTarget target = RepoTarget.parse(origin.toUri().toString());

        Path tree = RepoCheckout.checkout(target, tmp.resolve("clone"));

        assertThat(target.url()).isTrue();
        assertThat(tree.resolve("README.md")).exists();
        assertThat(RepoIdentity.ofDirectory(tree)).isEqualTo(RepoIdentity.ofUrl(target.input()));
    }

    @Test
    void a_missing_remote_is_a_clone_failure(@TempDir Path tmp) {
        RepoTarget target = RepoTarget.parse(tmp.resolve("nowhere").toUri().toString());

        assertThatThrownBy(() -> RepoCheckout.checkout(target, tmp.resolve("clone")))
                .isInstanceOfSatisfying(RepoScanException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.CLONE_FAILED));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_server_that_never_answers_fails_the_clone_at_the_transport_timeout(@TempDir Path tmp) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept()); // accepts, reads nothing, answers nothing
                    }
                } catch (IOException e) {
                    // the server was closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RepoTarget target = RepoTarget.parse("http://127.0.0.1:" + server.getLocalPort() + "/stalled.git");

            assertThatThrownBy(() -> RepoCheckout.checkout(target, tmp.resolve("clone"), Duration.ofSeconds(1)))
                    .isInstanceOfSatisfying(RepoScanException.class,
                            e -> assertThat(e.reason()).isEqualTo(FailureReason.CLONE_FAILED));
            assertThat(accepted).isNotEmpty();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void rejects_a_transport_timeout_under_one_second(@TempDir Path tmp) {
        RepoTarget target = RepoTarget.parse("http://127.0.0.1:9/x.git");

        assertThatThrownBy(() -> RepoCheckout.checkout(target, tmp.resolve("clone"), Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one second");
    }

    @Test
    void a_path_target_is_used_in_place_or_is_unreadable(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("repo"));

        assertThat(RepoCheckout.checkout(new RepoTarget(dir.toString(), false), tmp.resolve("unused"))).isEqualTo(dir);
        assertThatThrownBy(() -> RepoCheckout.checkout(new RepoTarget(tmp.resolve("gone").toString(), false),
                tmp.resolve("unused"))).isInstanceOfSatisfying(RepoScanException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.UNREADABLE_REPO));
    }
}
