package dev.vulcan.orchestrator.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SshSettingsTest {

    @Test
    void the_current_user_gets_dot_ssh_under_the_java_home_folder_and_the_default_timeout() {
        SshSettings settings = SshSettings.ofCurrentUser();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        assertThat(settings.homeDirectory()).isEqualTo(home);
        assertThat(settings.sshDirectory()).isEqualTo(home.resolve(".ssh"));
        assertThat(settings.timeout()).isEqualTo(SshSettings.DEFAULT_TIMEOUT);
        assertThat(settings.timeoutSeconds()).isEqualTo(60);
    }

    @Test
    void rejects_relative_folders_and_timeouts_under_a_second() {
        Path abs = Path.of("/home/ada");
        assertThatThrownBy(() -> new SshSettings(Path.of("home"), abs.resolve(".ssh"), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> new SshSettings(abs, Path.of(".ssh"), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
        assertThatThrownBy(() -> new SshSettings(abs, abs.resolve(".ssh"), Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one second");
    }
}
