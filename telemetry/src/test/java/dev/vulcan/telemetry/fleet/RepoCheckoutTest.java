package dev.vulcan.telemetry.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.telemetry.FailureReason;
import dev.vulcan.telemetry.RepoIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
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
    void a_path_target_is_used_in_place_or_is_unreadable(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("repo"));

        assertThat(RepoCheckout.checkout(new RepoTarget(dir.toString(), false), tmp.resolve("unused"))).isEqualTo(dir);
        assertThatThrownBy(() -> RepoCheckout.checkout(new RepoTarget(tmp.resolve("gone").toString(), false),
                tmp.resolve("unused"))).isInstanceOfSatisfying(RepoScanException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.UNREADABLE_REPO));
    }
}
